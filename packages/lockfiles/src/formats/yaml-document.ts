// YAML reading shared by the YAML formats: the first error keeps its line, and map entries keep the
// line their key sits on.
import { isMap, isScalar, parseDocument, type Document, type ToJSOptions } from "yaml";
import { ExtractorError } from "../extractor.js";
import { LineIndex } from "./line-index.js";

export interface YamlDocument {
  doc: Document.Parsed;
  lines: LineIndex;
}

export function parseYamlDocument(content: string, what: string): YamlDocument {
  // Callers convert with yamlToJs so a crafted file cannot blow up memory through aliases.
  const doc = parseDocument(content, { prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    throw new ExtractorError(
      `${what} is not valid YAML: ${yamlProblem(first.message)}`,
      first.linePos?.[0].line,
    );
  }
  return { doc, lines: new LineIndex(content) };
}

/** The first line of a YAML parser message, with the parser's stack overflow said in the file's terms. */
export function yamlProblem(message: string): string {
  return /Maximum call stack/i.test(message)
    ? "collections are nested too deeply"
    : (message.split("\n")[0] ?? message);
}

/**
 * The document as plain values. The alias bound keeps a crafted file (a "billion laughs" alias bomb) from
 * expanding without limit; exceeding it, or nesting deeper than the stack, is an ExtractorError.
 */
export function yamlToJs(doc: Document.Parsed, what: string, options: ToJSOptions): unknown {
  try {
    return doc.toJS(options);
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new ExtractorError(`${what} expands too many YAML aliases (more than ${options.maxAliasCount})`);
    }
    if (error instanceof RangeError) throw new ExtractorError(`${what}: collections are nested too deeply`);
    throw error;
  }
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
