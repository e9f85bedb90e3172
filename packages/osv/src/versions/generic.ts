// The fallback ordering for ecosystems without a known scheme and for strings a scheme rejects.
// Natural order: the string is split into digit runs and letter/other runs at the boundaries between them
// and at the separators . - _ + ~ and whitespace; digit runs compare numerically, other runs
// case-insensitively by code point, a digit run sorts after a non-digit run, and when one list is a
// prefix of the other the shorter sorts first.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isDigitCode, stripLeadingZeros } from "./digits.js";

export interface ParsedGeneric {
  tokens: string[];
  numeric: boolean[];
}

function isSeparator(c: number): boolean {
  return c === 46 || c === 45 || c === 95 || c === 43 || c === 126 || c === 32 || c === 9;
}

export function parseGeneric(input: string): ParsedGeneric {
  const tokens: string[] = [];
  const numeric: boolean[] = [];
  const s = input.trim().toLowerCase();
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSeparator(c)) {
      i++;
      continue;
    }
    const digit = isDigitCode(c);
    let end = i + 1;
    while (end < s.length) {
      const d = s.charCodeAt(end);
      if (isSeparator(d) || isDigitCode(d) !== digit) break;
      end++;
    }
    const token = s.slice(i, end);
    tokens.push(digit ? stripLeadingZeros(token) : token);
    numeric.push(digit);
    i = end;
  }
  return { tokens, numeric };
}

export function compareGeneric(a: ParsedGeneric, b: ParsedGeneric): number {
  const n = Math.min(a.tokens.length, b.tokens.length);
  for (let i = 0; i < n; i++) {
    const x = a.tokens[i] as string;
    const y = b.tokens[i] as string;
    const xn = a.numeric[i];
    if (xn !== b.numeric[i]) return xn ? 1 : -1;
    const c = xn ? compareDigits(x, y) : x === y ? 0 : x < y ? -1 : 1;
    if (c !== 0) return c;
  }
  return a.tokens.length - b.tokens.length;
}

export const genericScheme: VersionScheme<ParsedGeneric> = {
  name: "generic",
  parse: parseGeneric,
  compare: compareGeneric,
};
