// RubyGems ordering (Gem::Version): a version is digits and letters split into segments at dots and
// at digit/letter boundaries; `-` means `.pre.`. A letter segment makes the version a prerelease and
// sorts before any number. Trailing zero segments are ignored, both at the end of the release part and
// at the end of the prerelease part (`1.0.a.0` == `1.a`), matching Gem::Version#canonical_segments.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isAllDigits, isDigitCode, isLetterCode, stripLeadingZeros } from "./digits.js";

export interface ParsedGem {
  /** Canonical segments: digit strings without leading zeros, or letter runs (flagged false in `numeric`). */
  segments: string[];
  numeric: boolean[];
}

function allOf(s: string, dashOk: boolean): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(isDigitCode(c) || isLetterCode(c) || (dashOk && c === 45))) return false;
  }
  return true;
}

/**
 * Gem::Version's pattern: digits, then `.`-separated alphanumeric parts, then optionally `-` and
 * `.`-separated parts of alphanumerics and dashes. The empty string is version 0.
 */
function isWellFormed(s: string): boolean {
  if (s.length === 0) return true;
  const dash = s.indexOf("-");
  const head = (dash < 0 ? s : s.slice(0, dash)).split(".");
  if (!isAllDigits(head[0] as string)) return false;
  for (let i = 1; i < head.length; i++) if (!allOf(head[i] as string, false)) return false;
  if (dash >= 0) for (const part of s.slice(dash + 1).split(".")) if (!allOf(part, true)) return false;
  return true;
}

export function parseGem(input: string): ParsedGem | undefined {
  const s = input.trim();
  if (!isWellFormed(s)) return undefined;
  const text = s.length === 0 ? "0" : s.replaceAll("-", ".pre.");
  const segments: string[] = [];
  const numeric: boolean[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isDigitCode(c) && !isLetterCode(c)) {
      i++;
      continue;
    }
    const digit = isDigitCode(c);
    let end = i + 1;
    while (
      end < text.length &&
      (digit ? isDigitCode(text.charCodeAt(end)) : isLetterCode(text.charCodeAt(end)))
    )
      end++;
    segments.push(digit ? stripLeadingZeros(text.slice(i, end)) : text.slice(i, end));
    numeric.push(digit);
    i = end;
  }
  // canonical_segments: drop trailing zeros of the release part and of the prerelease part.
  let firstLetter = numeric.indexOf(false);
  if (firstLetter < 0) firstLetter = segments.length;
  const trim = (from: number, to: number): number => {
    let end = to;
    while (end > from && numeric[end - 1] && segments[end - 1] === "0") end--;
    return end;
  };
  const releaseEnd = trim(0, firstLetter);
  const preEnd = trim(firstLetter, segments.length);
  return {
    segments: [...segments.slice(0, releaseEnd), ...segments.slice(firstLetter, preEnd)],
    numeric: [...numeric.slice(0, releaseEnd), ...numeric.slice(firstLetter, preEnd)],
  };
}

export function compareGem(a: ParsedGem, b: ParsedGem): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    // Missing segments count as 0.
    const x = a.segments[i] ?? "0";
    const y = b.segments[i] ?? "0";
    const xn = i < a.segments.length ? a.numeric[i] : true;
    const yn = i < b.segments.length ? b.numeric[i] : true;
    if (x === y && xn === yn) continue;
    if (!xn && yn) return -1;
    if (xn && !yn) return 1;
    if (xn) return compareDigits(x, y);
    return x < y ? -1 : 1;
  }
  return 0;
}

export const gemScheme: VersionScheme<ParsedGem> = { name: "RubyGems", parse: parseGem, compare: compareGem };
