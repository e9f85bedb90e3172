// RPM version ordering (rpm's rpmvercmp, as used by Red Hat, Rocky Linux, AlmaLinux, openSUSE, SUSE,
// Mageia): [epoch:]version[-release]. Epochs compare numerically (absent = 0); version and release are
// compared by rpmvercmp: separators (anything not alphanumeric, `~` or `^`) only split segments;
// `~` sorts before everything, even the end; `^` sorts after the end but before any further segment;
// digit segments compare numerically and beat letter segments; letter segments compare by code point;
// when all shared segments tie, the string with segments left over is newer.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isDigitCode, isLetterCode, stripLeadingZeros } from "./digits.js";
import { splitEpochVersionRelease } from "./epoch-version-release.js";

/** A segment: "~" or "^", a digit run without leading zeros (flagged numeric), or a letter run. */
export interface RpmSegments {
  values: string[];
  numeric: boolean[];
}

export interface ParsedRpm {
  epoch: number;
  version: RpmSegments;
  release: RpmSegments;
}

export function parseRpm(input: string): ParsedRpm | undefined {
  const s = input.trim();
  if (s.length === 0) return undefined;
  const split = splitEpochVersionRelease(s);
  if (split === undefined) return undefined;
  const { epoch, head: version, tail: release } = split;
  if (version.length === 0) return undefined;
  return { epoch, version: splitSegments(version), release: splitSegments(release) };
}

function splitSegments(s: string): RpmSegments {
  const values: string[] = [];
  const numeric: boolean[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 126 || c === 94) {
      values.push(c === 126 ? "~" : "^");
      numeric.push(false);
      i++;
    } else if (isDigitCode(c)) {
      let j = i + 1;
      while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
      values.push(stripLeadingZeros(s.slice(i, j)));
      numeric.push(true);
      i = j;
    } else if (isLetterCode(c)) {
      let j = i + 1;
      while (j < s.length && isLetterCode(s.charCodeAt(j))) j++;
      values.push(s.slice(i, j));
      numeric.push(false);
      i = j;
    } else {
      i++; // separator
    }
  }
  return { values, numeric };
}

/** rpmvercmp over pre-split segments. */
function compareSegments(a: RpmSegments, b: RpmSegments): number {
  const n = a.values.length > b.values.length ? a.values.length : b.values.length;
  for (let i = 0; i < n; i++) {
    const x = a.values[i];
    const y = b.values[i];
    if (x === "~" || y === "~") {
      if (x !== "~") return 1;
      if (y !== "~") return -1;
      continue;
    }
    if (x === "^" || y === "^") {
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      if (x !== "^") return 1;
      if (y !== "^") return -1;
      continue;
    }
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = a.numeric[i];
    if (xn !== b.numeric[i]) return xn ? 1 : -1;
    if (x === y) continue;
    if (xn) return compareDigits(x, y);
    return x < y ? -1 : 1;
  }
  return 0;
}

function isAlnum(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

/** rpm's rpmvercmp on raw strings (the reference the pre-split comparison is tested against). */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a.charCodeAt(i)) && a[i] !== "~" && a[i] !== "^") i++;
    while (j < b.length && !isAlnum(b.charCodeAt(j)) && b[j] !== "~" && b[j] !== "^") j++;
    const ca = a[i];
    const cb = b[j];
    if (ca === "~" || cb === "~") {
      if (ca !== "~") return 1;
      if (cb !== "~") return -1;
      i++;
      j++;
      continue;
    }
    if (ca === "^" || cb === "^") {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (ca !== "^") return 1;
      if (cb !== "^") return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigitCode(a.charCodeAt(i));
    const si = i;
    const sj = j;
    if (numeric) {
      while (i < a.length && isDigitCode(a.charCodeAt(i))) i++;
      while (j < b.length && isDigitCode(b.charCodeAt(j))) j++;
    } else {
      while (i < a.length && isLetterCode(a.charCodeAt(i))) i++;
      while (j < b.length && isLetterCode(b.charCodeAt(j))) j++;
    }
    // Segments of different kinds: a number is newer than letters.
    if (j === sj) return numeric ? 1 : -1;
    let x = a.slice(si, i);
    let y = b.slice(sj, j);
    if (numeric) {
      x = stripLeadingZeros(x);
      y = stripLeadingZeros(y);
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
    }
    if (x !== y) return x < y ? -1 : 1;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export function compareRpm(a: ParsedRpm, b: ParsedRpm): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  return compareSegments(a.version, b.version) || compareSegments(a.release, b.release);
}

export const rpmScheme: VersionScheme<ParsedRpm> = { name: "rpm", parse: parseRpm, compare: compareRpm };
