// YAML read with positions, so every issue names its file and line. A file that does not parse is an
// issue, never a crash that hides the other files' results.
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
} from "yaml";
import type { LintIssue } from "./lint-issue.js";

export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  /** 1-based line of a node (of the file's first line when the node has no position). */
  lineOf(node: unknown): number;
}

export type YamlLoad = { ok: true; yaml: YamlFile } | { ok: false; issues: LintIssue[] };

export function loadYaml(file: string, text: string): YamlLoad {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        rule: "yaml",
        message: `not valid YAML: ${error.message.split("\n")[0]}`,
      })),
    };
  }
  const lineOf = (node: unknown): number => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  return { ok: true, yaml: { file, doc, lineOf } };
}

/** The value node under `key` of a map node, or undefined. */
export function child(map: unknown, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<unknown, Node>).get(key, true) as Node | undefined;
}

/** The key/value pairs of a map node whose keys are scalars. */
export function entries(map: unknown): Array<[string, Node | undefined, unknown]> {
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) =>
    isScalar(pair.key) ? [[String(pair.key.value), pair.value as Node | undefined, pair.key] as const] : [],
  ) as Array<[string, Node | undefined, unknown]>;
}

/** The items of a sequence node. */
export function items(seq: unknown): unknown[] {
  return isSeq(seq) ? seq.items : [];
}

/** A scalar node's value as a string, or undefined for anything else. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}
