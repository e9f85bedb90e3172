// Debian version ordering (Debian Policy Manual §5.6.12, dpkg's verrevcmp): [epoch:]upstream[-revision].
// Epochs compare numerically; upstream and revision alternate non-digit runs (compared character by
// character: `~` before everything, even the end of the string, then letters, then other characters)
// and digit runs (compared numerically).
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isDigitCode, isLetterCode, stripLeadingZeros } from "./digits.js";
import { splitEpochVersionRelease } from "./epoch-version-release.js";

/**
 * A version part pre-split into alternating runs: `texts[i]` holds the dpkg weights of a non-digit run
 * (possibly empty) and `nums[i]` the digit run after it, without leading zeros ("0" when empty).
 */
export interface DpkgPart {
  texts: number[][];
  nums: string[];
}

export interface ParsedDpkg {
  epoch: number;
  upstream: DpkgPart;
  revision: DpkgPart;
}

export function parseDpkg(input: string): ParsedDpkg | undefined {
  const s = input.trim();
  const split = splitEpochVersionRelease(s);
  if (split === undefined) return undefined;
  const { epoch, rest, head: upstream, tail: revision, dash } = split;
  if (upstream.length === 0 || (dash >= 0 && revision.length === 0)) return undefined;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    // Policy allows alphanumerics and . + - ~ (and : only with an epoch, already split off).
    if (!(isDigitCode(c) || isLetterCode(c) || c === 46 || c === 43 || c === 45 || c === 126))
      return undefined;
  }
  return { epoch, upstream: splitPart(upstream), revision: splitPart(revision) };
}

function splitPart(s: string): DpkgPart {
  const texts: number[][] = [];
  const nums: string[] = [];
  let i = 0;
  while (i < s.length) {
    const text: number[] = [];
    while (i < s.length && !isDigitCode(s.charCodeAt(i))) text.push(order(s.charCodeAt(i++)));
    let j = i;
    while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
    texts.push(text);
    nums.push(j > i ? stripLeadingZeros(s.slice(i, j)) : "0");
    i = j;
  }
  return { texts, nums };
}

const NO_TEXT: number[] = [];

/** verrevcmp over pre-split parts: missing runs weigh 0 (a digit or the end), missing numbers are 0. */
function comparePart(a: DpkgPart, b: DpkgPart): number {
  const n = a.nums.length > b.nums.length ? a.nums.length : b.nums.length;
  for (let i = 0; i < n; i++) {
    const ta = a.texts[i] ?? NO_TEXT;
    const tb = b.texts[i] ?? NO_TEXT;
    const m = ta.length > tb.length ? ta.length : tb.length;
    for (let k = 0; k < m; k++) {
      const wa = ta[k] ?? 0;
      const wb = tb[k] ?? 0;
      if (wa !== wb) return wa - wb;
    }
    const c = compareDigits(a.nums[i] ?? "0", b.nums[i] ?? "0");
    if (c !== 0) return c;
  }
  return 0;
}

/** dpkg's character weight: `~` lowest, end of string and digits 0, letters their code, others after letters. */
function order(c: number): number {
  if (Number.isNaN(c) || isDigitCode(c)) return 0;
  if (isLetterCode(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

/** dpkg's verrevcmp on raw strings (the reference the pre-split comparison is tested against). */
export function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // Non-digit prefix.
    while (
      (i < a.length && !isDigitCode(a.charCodeAt(i))) ||
      (j < b.length && !isDigitCode(b.charCodeAt(j)))
    ) {
      const ac = order(i < a.length ? a.charCodeAt(i) : Number.NaN);
      const bc = order(j < b.length ? b.charCodeAt(j) : Number.NaN);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (i < a.length && a.charCodeAt(i) === 48) i++;
    while (j < b.length && b.charCodeAt(j) === 48) j++;
    let firstDiff = 0;
    while (i < a.length && isDigitCode(a.charCodeAt(i)) && j < b.length && isDigitCode(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigitCode(a.charCodeAt(i))) return 1;
    if (j < b.length && isDigitCode(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

export function compareDpkg(a: ParsedDpkg, b: ParsedDpkg): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  return comparePart(a.upstream, b.upstream) || comparePart(a.revision, b.revision);
}

export const dpkgScheme: VersionScheme<ParsedDpkg> = { name: "dpkg", parse: parseDpkg, compare: compareDpkg };
