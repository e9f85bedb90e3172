// Reads a lockfile's YAML with the fast block reader, falling back to the full YAML parser for
// documents outside its subset. Either way every mapping keeps the lines of its keys.
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { ExtractorError } from "../extractor.js";
import {
  readBlockYaml,
  UnsupportedYaml,
  type BlockYamlDocument,
  type BlockYamlOptions,
} from "./block-yaml.js";
import { LineIndex } from "./line-index.js";
import { yamlProblem, yamlToJs } from "./yaml-document.js";

function collectLines(
  node: unknown,
  value: unknown,
  lines: LineIndex,
  out: WeakMap<object, Map<string, number>>,
): void {
  if (isMap(node) && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const map = new Map<string, number>();
    out.set(value, map);
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      map.set(key, lines.lineAt(pair.key.range[0]));
      collectLines(pair.value, (value as Record<string, unknown>)[key], lines, out);
    }
  } else if (isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, i) => collectLines(item, value[i], lines, out));
  }
}

export function readLockYaml(
  content: string,
  what: string,
  options: BlockYamlOptions = {},
): BlockYamlDocument {
  try {
    return readBlockYaml(content, what, options);
  } catch (error) {
    if (!(error instanceof UnsupportedYaml)) throw error;
  }
  const doc = parseDocument(content);
  const lines = new LineIndex(content);
  const first = doc.errors[0];
  if (first) {
    throw new ExtractorError(
      `${what} is not valid YAML: ${yamlProblem(first.message)}`,
      lines.lineAt(first.pos[0]),
    );
  }
  // A bounded alias count keeps a crafted file from expanding without limit.
  const value: unknown = yamlToJs(doc, what, { maxAliasCount: 100 });
  const keyLines = new WeakMap<object, Map<string, number>>();
  const root =
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  collectLines(doc.contents as Node | null, root, lines, keyLines);
  if (value !== null && value !== undefined && root !== value)
    throw new ExtractorError(`${what} must be a YAML mapping`, 1);
  return { value: root, keyLines };
}
