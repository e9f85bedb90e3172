// YAML reading shared by the YAML formats: the first error keeps its line, and map entries keep the
// line their key sits on.
import { isMap, isScalar, parseDocument, type Document } from "yaml";
import { ExtractorError } from "../extractor.js";
import { LineIndex } from "./line-index.js";

export interface YamlDocument {
  doc: Document.Parsed;
  lines: LineIndex;
}

export function parseYamlDocument(content: string, what: string): YamlDocument {
  // Callers convert with toJS({ maxAliasCount }) so a crafted file cannot blow up memory through aliases.
  const doc = parseDocument(content, { prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    throw new ExtractorError(
      `${what} is not valid YAML: ${first.message.split("\n")[0]}`,
      first.linePos?.[0].line,
    );
  }
  return { doc, lines: new LineIndex(content) };
}

/** Line of each key of the mapping at this path (keys as written). */
export function keyLines(yaml: YamlDocument, path: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const node = yaml.doc.getIn(path, true);
  if (!isMap(node)) return out;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.range)
      out.set(String(pair.key.value), yaml.lines.lineAt(pair.key.range[0]));
  }
  return out;
}
