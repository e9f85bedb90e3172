// Debian version ordering (Debian Policy Manual §5.6.12, dpkg's verrevcmp): [epoch:]upstream[-revision].
// Epochs compare numerically; upstream and revision alternate non-digit runs (compared character by
// character: `~` before everything, even the end of the string, then letters, then other characters)
// and digit runs (compared numerically).
import type { VersionScheme } from "./scheme.js";
import { isAllDigits, isDigitCode, isLetterCode } from "./digits.js";

export interface ParsedDpkg {
  epoch: number;
  upstream: string;
  revision: string;
}

export function parseDpkg(input: string): ParsedDpkg | undefined {
  const s = input.trim();
  let epoch = 0;
  let rest = s;
  const colon = s.indexOf(":");
  if (colon >= 0) {
    const e = s.slice(0, colon);
    if (!isAllDigits(e)) return undefined;
    epoch = Number(e);
    rest = s.slice(colon + 1);
  }
  const dash = rest.lastIndexOf("-");
  const upstream = dash >= 0 ? rest.slice(0, dash) : rest;
  const revision = dash >= 0 ? rest.slice(dash + 1) : "";
  if (upstream.length === 0 || (dash >= 0 && revision.length === 0)) return undefined;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    // Policy allows alphanumerics and . + - ~ (and : only with an epoch, already split off).
    if (!(isDigitCode(c) || isLetterCode(c) || c === 46 || c === 43 || c === 45 || c === 126))
      return undefined;
  }
  return { epoch, upstream, revision };
}

/** dpkg's character weight: `~` lowest, end of string and digits 0, letters their code, others after letters. */
function order(c: number): number {
  if (Number.isNaN(c) || isDigitCode(c)) return 0;
  if (isLetterCode(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

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
  return verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision);
}

export const dpkgScheme: VersionScheme<ParsedDpkg> = { name: "dpkg", parse: parseDpkg, compare: compareDpkg };
