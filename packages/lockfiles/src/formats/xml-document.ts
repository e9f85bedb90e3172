// XML reading shared by the XML formats: well-formedness is checked first so faults carry a line,
// then fast-xml-parser builds plain objects. Entities stay unexpanded beyond the XML built-ins.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ExtractorError } from "../extractor.js";

export interface XmlOptions {
  /** Element names that always become arrays, however many times they occur. */
  arrays?: string[];
  attributes?: boolean;
}

export function parseXmlDocument(
  content: string,
  what: string,
  options: XmlOptions = {},
): Record<string, unknown> {
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    throw new ExtractorError(`${what} is not well-formed XML: ${valid.err.msg}`, valid.err.line);
  }
  const arrays = new Set(options.arrays ?? []);
  const parser = new XMLParser({
    ignoreAttributes: !options.attributes,
    attributeNamePrefix: "@",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => arrays.has(name),
  });
  try {
    return parser.parse(content) as Record<string, unknown>;
  } catch (error) {
    throw new ExtractorError(
      `${what} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Text of an element parsed without attributes ("" for empty elements), or undefined. */
export function xmlText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value && typeof value === "object" && "#text" in value)
    return xmlText((value as { "#text": unknown })["#text"]);
  return undefined;
}

/**
 * Lines of the start tags of elements at the given paths (element names without namespace prefix,
 * joined by "/"), in document order: one linear scan, skipping comments, CDATA and processing
 * instructions.
 */
export function elementLines(content: string, paths: string[]): Map<string, number[]> {
  const wanted = new Set(paths);
  const out = new Map<string, number[]>(paths.map((p) => [p, []]));
  scanStartTags(content, (path, line) => {
    if (wanted.has(path)) out.get(path)?.push(line);
  });
  return out;
}

/** Calls back with the path (local names joined by "/") and line of every start tag, in document order. */
export function scanStartTags(content: string, onStart: (path: string, line: number) => void): void {
  const stack: string[] = [];
  const re =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w.:-]+)((?:[^>"']|"[^"]*"|'[^']*')*)>|\n/g;
  let line = 1;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    const token = m[0];
    if (token === "\n") {
      line++;
      continue;
    }
    const startLine = line;
    for (let i = token.indexOf("\n"); i !== -1; i = token.indexOf("\n", i + 1)) line++;
    const name = m[2];
    if (!name) continue;
    const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
    if (m[1]) {
      const at = stack.lastIndexOf(local);
      if (at !== -1) stack.length = at;
      continue;
    }
    stack.push(local);
    onStart(stack.join("/"), startLine);
    if ((m[3] ?? "").trimEnd().endsWith("/")) stack.pop();
  }
}
