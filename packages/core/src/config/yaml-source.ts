// YAML parsed with positions kept, so every later error can point at a line.
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import type { Document, Node } from "yaml";
import { ConfigError, type ConfigIssue } from "./errors.js";

/** Aliases allowed per document: generous for real configs, far below what an alias bomb needs. */
export const DEFAULT_MAX_ALIAS_COUNT = 50;

export type YamlPath = readonly (string | number)[];

export interface YamlSource {
  /** The document as plain data (maps become objects). */
  value: unknown;
  /** 1-based line of the node at `path`; with `key`, of the map key naming it. Falls back to the nearest
   * ancestor that exists. */
  lineOf(path: YamlPath, key?: boolean): number | undefined;
}

/**
 * Parses one YAML document. Throws ConfigError listing every syntax error with its line; `file` names the
 * file in messages (or is omitted for text that did not come from a file).
 */
export function parseYamlSource(
  text: string,
  file?: string,
  options: { maxAliasCount?: number } = {},
): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;

  if (doc.errors.length > 0) {
    const issues: ConfigIssue[] = doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0].line ?? lineAt(e.pos[0]),
      message: `invalid YAML: ${firstLine(e.message)}`,
    }));
    throw new ConfigError(issues);
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? DEFAULT_MAX_ALIAS_COUNT });
  } catch (err) {
    // yaml throws on alias expansion beyond maxAliasCount (and on unresolvable aliases).
    throw new ConfigError({ file, message: `YAML rejected: ${firstLine((err as Error).message)}` });
  }

  return {
    value,
    lineOf(path, key = false) {
      return lineAt(locate(doc, path, key));
    },
  };
}

function firstLine(message: string): string {
  // The parser's own stack overflow on hostile nesting, said in the file's terms.
  if (/Maximum call stack/i.test(message)) return "collections are nested too deeply";
  return message.split("\n")[0]!.trim();
}

function locate(doc: Document, path: YamlPath, wantKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (pair === undefined) return best;
      const keyStart = rangeStart(pair.key);
      if (last && wantKey) return keyStart ?? best;
      // An empty value (`fail-on:`) has no range of its own; the key's line is the right one.
      node = pair.value;
      best = rangeStart(node) ?? keyStart ?? best;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      best = rangeStart(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
