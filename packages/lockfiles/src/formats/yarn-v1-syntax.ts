// The yarn.lock v1 syntax: indentation-nested `key value` and `key:` lines, keys and values bare or
// double-quoted, `#` comments. Each top-level entry keeps its line.
import { ExtractorError } from "../extractor.js";

export type YarnV1Value = string | boolean | YarnV1Map;
export interface YarnV1Map {
  [key: string]: YarnV1Value;
}

export interface YarnV1Entry {
  /** The comma-separated specs of the entry's key, e.g. ["lodash@^4.17.0", "lodash@^4.17.21"]. */
  specs: string[];
  line: number;
  fields: YarnV1Map;
}

/** Splits one line into tokens (quoted strings unquoted) and says whether it ends with ':'. */
function tokenize(text: string, line: number): { tokens: string[]; opens: boolean } {
  const tokens: string[] = [];
  let opens = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " " || c === "\t") {
      i++;
    } else if (c === ",") {
      i++;
    } else if (c === ":" && i === text.length - 1) {
      opens = true;
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) throw new ExtractorError("yarn.lock: unterminated quoted string", line);
      try {
        tokens.push(JSON.parse(text.slice(i, j + 1)) as string);
      } catch {
        throw new ExtractorError("yarn.lock: invalid quoted string", line);
      }
      i = j + 1;
    } else {
      let j = i;
      while (
        j < text.length &&
        text[j] !== " " &&
        text[j] !== "," &&
        !(text[j] === ":" && j === text.length - 1)
      )
        j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return { tokens, opens };
}

function scalar(token: string): string | boolean {
  return token === "true" ? true : token === "false" ? false : token;
}

export function parseYarnV1(content: string): YarnV1Entry[] {
  const entries: YarnV1Entry[] = [];
  // Open maps: the indentation of the line that opened each, and of its children once one is seen.
  let stack: { opener: number; indent: number; map: YarnV1Map }[] = [];
  const lines = content.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] ?? "").replace(/\r$/, "");
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const indent = raw.length - raw.trimStart().length;
    const { tokens, opens } = tokenize(trimmed, line);
    if (indent === 0) {
      if (!opens || tokens.length === 0)
        throw new ExtractorError(
          `yarn.lock: expected "spec, ...:" to start an entry, found "${trimmed.slice(0, 60)}"`,
          line,
        );
      const fields: YarnV1Map = {};
      entries.push({ specs: tokens, line, fields });
      stack = [{ opener: 0, indent: -1, map: fields }];
      continue;
    }
    while (stack.length > 1 && indent <= (stack[stack.length - 1]?.opener ?? 0)) stack.pop();
    const top = stack[stack.length - 1];
    if (!top) throw new ExtractorError("yarn.lock: indented line outside an entry", line);
    if (top.indent === -1) top.indent = indent;
    else if (indent !== top.indent) throw new ExtractorError("yarn.lock: unexpected indentation", line);
    const [key, value, ...extra] = tokens;
    if (key === undefined) throw new ExtractorError("yarn.lock: empty key", line);
    if (opens) {
      if (value !== undefined)
        throw new ExtractorError(`yarn.lock: unexpected ":" after "${key} ${value}"`, line);
      const child: YarnV1Map = {};
      top.map[key] = child;
      stack.push({ opener: indent, indent: -1, map: child });
    } else {
      if (value === undefined || extra.length > 0)
        throw new ExtractorError(`yarn.lock: expected "key value", found "${trimmed.slice(0, 60)}"`, line);
      top.map[key] = scalar(value);
    }
  }
  return entries;
}
