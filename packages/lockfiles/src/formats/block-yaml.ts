// A fast reader for the block-style YAML that package managers write (pnpm-lock.yaml, Berry yarn.lock):
// nested mappings by indentation, plain or quoted scalars, one-line flow collections, block sequences
// of scalars. It keeps the line of every key. Anything outside that subset (anchors, tags, block
// scalars, multi-line scalars...) raises UnsupportedYaml so the caller can fall back to a full YAML
// parser; real syntax errors raise ExtractorError with the line. General YAML parsers are an order of
// magnitude slower on multi-megabyte lockfiles.
import { ExtractorError } from "../extractor.js";

export class UnsupportedYaml extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export type BlockYamlMap = Record<string, unknown>;

export interface BlockYamlDocument {
  value: BlockYamlMap;
  /** Line (1-based) of each key of a mapping produced by the reader. */
  keyLines: WeakMap<object, Map<string, number>>;
}

interface Frame {
  /** Indentation of the lines inside this collection; -1 until its first line. */
  indent: number;
  /** Indentation of the line that opened it. */
  opener: number;
  container: BlockYamlMap | unknown[];
  /** For a mapping, where its entries were declared. */
  lines?: Map<string, number>;
  /** Nesting depth: 0 for the document's root mapping. */
  depth: number;
}

/** Sets a member without letting a "__proto__" key reach the prototype. */
function setMember(map: BlockYamlMap, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

const NUMBER = /^[-+]?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

function plainScalar(text: string): unknown {
  const c = text.charCodeAt(0);
  // Most values are versions and names: only a few first characters can start a non-string.
  if (!(c <= 57 || c === 116 || c === 84 || c === 102 || c === 70 || c === 110 || c === 78 || c === 126))
    return text;
  if (text === "true" || text === "True" || text === "TRUE") return true;
  if (text === "false" || text === "False" || text === "FALSE") return false;
  if (text === "null" || text === "~" || text === "Null" || text === "NULL") return null;
  if (NUMBER.test(text)) return Number(text);
  return text;
}

/** Reads a quoted scalar starting at text[start]; returns its value and the index after it. */
function quoted(text: string, start: number, line: number, what: string): [string, number] {
  const quote = text[start];
  if (quote === "'") {
    let out = "";
    let i = start + 1;
    for (;;) {
      const end = text.indexOf("'", i);
      if (end === -1) throw new UnsupportedYaml("multi-line or unterminated single-quoted scalar", line);
      out += text.slice(i, end);
      if (text[end + 1] === "'") {
        out += "'";
        i = end + 2;
      } else return [out, end + 1];
    }
  }
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  if (i >= text.length) throw new UnsupportedYaml("multi-line or unterminated double-quoted scalar", line);
  const body = text.slice(start + 1, i);
  if (/\\[^"\\/bfnrtu]/.test(body))
    throw new UnsupportedYaml("YAML-only escape in a double-quoted scalar", line);
  try {
    return [JSON.parse(`"${body}"`) as string, i + 1];
  } catch {
    throw new ExtractorError(`${what} is not valid YAML: bad escape in a double-quoted scalar`, line);
  }
}

const LIST_STOP = /[,\]]/g;
const VALUE_STOP = /[,}]/g;
const KEY_STOP = /:(?=[ ,}]|$)|[,}]/g;

/** One plain, quoted or nested item of a flow collection starting at text[i] (spaces skipped). */
function flowItem(
  text: string,
  i: number,
  stops: string,
  inMap: boolean,
  line: number,
  what: string,
  depth: number,
): [unknown, number] {
  while (text.charCodeAt(i) === 32) i++;
  const c = text[i];
  if (c === "{" || c === "[") return flow(text, i, line, what, depth + 1);
  if (c === "'" || c === '"') return quoted(text, i, line, what);
  // In a mapping a key ends at ": " (not at every colon: URLs, "npm:"); values end at "," or the bracket.
  const stop = stops === ",]" ? LIST_STOP : inMap ? KEY_STOP : VALUE_STOP;
  stop.lastIndex = i;
  const found = stop.exec(text);
  const j = found ? found.index : text.length;
  return [plainScalar(text.slice(i, j).trim()), j];
}

/** One-line flow collection ({a: b, c: [d]}) starting at text[start]. */
/** Deeper one-line flow collections than this are hostile, not lockfiles; recursion stays well off the stack limit. */
const MAX_FLOW_DEPTH = 100;

function flow(text: string, start: number, line: number, what: string, depth = 1): [unknown, number] {
  if (depth > MAX_FLOW_DEPTH) {
    throw new ExtractorError(`${what}: flow collections are nested more than ${MAX_FLOW_DEPTH} deep`, line);
  }
  const isMap = text[start] === "{";
  const close = isMap ? "}" : "]";
  const map: BlockYamlMap = {};
  const list: unknown[] = [];
  const done = isMap ? map : list;
  let i = start + 1;
  while (text.charCodeAt(i) === 32) i++;
  if (text[i] === close) return [done, i + 1];
  for (;;) {
    let item: unknown;
    [item, i] = flowItem(text, i, isMap ? ":,}" : ",]", isMap, line, what, depth);
    if (isMap) {
      while (text.charCodeAt(i) === 32) i++;
      let value: unknown = null;
      if (text[i] === ":") [value, i] = flowItem(text, i + 1, ",}", false, line, what, depth);
      setMember(map, String(item), value);
    } else list.push(item);
    while (text.charCodeAt(i) === 32) i++;
    if (text[i] === ",") {
      i++;
      while (text.charCodeAt(i) === 32) i++;
      if (text[i] === close) return [done, i + 1];
      continue;
    }
    if (text[i] === close) return [done, i + 1];
    if (i >= text.length) throw new UnsupportedYaml("multi-line flow collection", line);
    throw new ExtractorError(`${what} is not valid YAML: unexpected "${text[i]}" in a flow collection`, line);
  }
}

/** The value written after "key:" or "- " (text already trimmed of the indicator), or undefined for a nested block. */
function inlineValue(text: string, line: number, what: string): unknown {
  if (text === "" || text.startsWith("#")) return undefined;
  const c = text[0];
  if (
    c === "&" ||
    c === "*" ||
    c === "!" ||
    c === "|" ||
    c === ">" ||
    c === "?" ||
    c === "%" ||
    c === "@" ||
    c === "`"
  )
    throw new UnsupportedYaml(`YAML feature "${c}" is outside the lockfile subset`, line);
  let value: unknown;
  let end: number;
  if (c === "'" || c === '"') [value, end] = quoted(text, 0, line, what);
  else if (c === "{" || c === "[") [value, end] = flow(text, 0, line, what);
  else {
    const comment = text.indexOf(" #");
    const raw = (comment === -1 ? text : text.slice(0, comment)).trimEnd();
    if (raw.includes(": ") || raw.endsWith(":"))
      throw new ExtractorError(`${what} is not valid YAML: a mapping value is not allowed here`, line);
    return plainScalar(raw);
  }
  const rest = text.slice(end).trim();
  if (rest !== "" && !rest.startsWith("#"))
    throw new ExtractorError(`${what} is not valid YAML: unexpected text after a value`, line);
  return value;
}

export interface BlockYamlOptions {
  /**
   * Deepest mapping whose key lines are kept (0 = the root's keys only). Lockfiles need the lines of one
   * or two levels; keeping every line of a 10 MB file costs more than parsing it.
   */
  keyLineDepth?: number;
  /**
   * Keys whose values the caller never reads, in mappings exactly `depth` deep: their values are
   * skipped unparsed (and left out), which saves most of the work on big lockfiles.
   */
  skip?: { keys: ReadonlySet<string>; depth: number };
}

export function readBlockYaml(
  content: string,
  what: string,
  options: BlockYamlOptions = {},
): BlockYamlDocument {
  const keyLineDepth = options.keyLineDepth ?? Infinity;
  const skip = options.skip;
  // Indentation of a skipped key: deeper lines (and items at its level) belong to its value.
  let skipIndent = -1;
  const keyLines = new WeakMap<object, Map<string, number>>();
  const root: BlockYamlMap = {};
  const rootLines = new Map<string, number>();
  keyLines.set(root, rootLines);
  const stack: Frame[] = [{ indent: 0, opener: -1, container: root, lines: rootLines, depth: 0 }];
  // A key whose value is a nested block not yet begun: created on its first line.
  let pending: { key: string; map: BlockYamlMap; opener: number; depth: number } | undefined;
  let lineNumber = 0;
  let start = 0;
  const n = content.length;
  while (start <= n) {
    let end = content.indexOf("\n", start);
    if (end === -1) end = n;
    lineNumber++;
    const lineStart = start;
    start = end + 1;
    if (content.charCodeAt(end - 1) === 13) end--;
    let indent = 0;
    while (content.charCodeAt(lineStart + indent) === 32) indent++;
    if (lineStart + indent >= end) continue;
    const firstCode = content.charCodeAt(lineStart + indent);
    if (firstCode === 35) continue; // "#"
    if (firstCode === 9) throw new UnsupportedYaml("tab indentation", lineNumber);
    const body = content.slice(lineStart + indent, end);
    if (indent === 0 && (body === "---" || body.startsWith("--- "))) {
      if (lineNumber > 1 && (Object.keys(root).length > 0 || pending))
        throw new UnsupportedYaml("several documents", lineNumber);
      continue;
    }
    const isItem = body === "-" || body.startsWith("- ");
    if (skipIndent >= 0) {
      if (indent > skipIndent || (indent === skipIndent && isItem)) continue;
      skipIndent = -1;
    }
    if (pending) {
      // The first line of a nested block decides whether it is a mapping or a sequence.
      if (indent > pending.opener || (isItem && indent === pending.opener)) {
        const container: BlockYamlMap | unknown[] = isItem ? [] : {};
        setMember(pending.map, pending.key, container);
        const frame: Frame = { indent, opener: pending.opener, container, depth: pending.depth };
        if (!isItem && pending.depth <= keyLineDepth) {
          frame.lines = new Map();
          keyLines.set(container, frame.lines);
        }
        stack.push(frame);
      } else setMember(pending.map, pending.key, null);
      pending = undefined;
    }
    let top = stack[stack.length - 1] as Frame;
    while (stack.length > 1 && indent < top.indent) {
      stack.pop();
      top = stack[stack.length - 1] as Frame;
    }
    if (indent !== top.indent) {
      if (top.indent === -1) top.indent = indent;
      else if (indent > top.indent)
        throw new UnsupportedYaml("multi-line scalar or unexpected indentation", lineNumber);
      else throw new ExtractorError(`${what} is not valid YAML: bad indentation`, lineNumber);
    }
    if (Array.isArray(top.container)) {
      if (!isItem) {
        // A sequence nested at its parent key's indentation ends with the first non-item line.
        stack.pop();
        top = stack[stack.length - 1] as Frame;
        if (indent !== top.indent || Array.isArray(top.container))
          throw new ExtractorError(`${what} is not valid YAML: expected a "- " item`, lineNumber);
      } else {
        const item = body.slice(1).trimStart();
        if (/^[^'"{[#][^#]*:( |$)/.test(item))
          throw new UnsupportedYaml("mapping inside a sequence item", lineNumber);
        const value = inlineValue(item, lineNumber, what);
        if (value === undefined) throw new UnsupportedYaml("nested block inside a sequence item", lineNumber);
        top.container.push(value);
        continue;
      }
    } else if (isItem) {
      throw new ExtractorError(
        `${what} is not valid YAML: a sequence item where a mapping key was expected`,
        lineNumber,
      );
    }
    // A mapping entry: key, then ":".
    let key: string;
    let after: number;
    const first = body[0];
    if (first === "'" || first === '"') {
      [key, after] = quoted(body, 0, lineNumber, what);
      if (body[after] !== ":")
        throw new ExtractorError(`${what} is not valid YAML: expected ":" after a quoted key`, lineNumber);
    } else {
      if (first === "?" || first === "&" || first === "*" || first === "!" || first === "[" || first === "{")
        throw new UnsupportedYaml(`YAML feature "${first}" is outside the lockfile subset`, lineNumber);
      const colon = body.indexOf(": ");
      after = colon === -1 ? (body.endsWith(":") ? body.length - 1 : -1) : colon;
      if (after === -1)
        throw new ExtractorError(
          `${what} is not valid YAML: expected "key: value", found "${body.slice(0, 60)}"`,
          lineNumber,
        );
      key = body.slice(0, after).trimEnd();
      if (key.includes(" #"))
        throw new ExtractorError(`${what} is not valid YAML: expected "key: value"`, lineNumber);
    }
    const map = top.container as BlockYamlMap;
    if (skip && top.depth === skip.depth && skip.keys.has(key)) {
      skipIndent = indent;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(map, key))
      throw new ExtractorError(`${what} is not valid YAML: duplicate key "${key.slice(0, 80)}"`, lineNumber);
    top.lines?.set(key, lineNumber);
    const value = inlineValue(body.slice(after + 1).trim(), lineNumber, what);
    setMember(map, key, value ?? null);
    if (value === undefined) pending = { key, map, opener: indent, depth: top.depth + 1 };
  }
  return { value: root, keyLines };
}
