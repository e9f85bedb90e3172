// RPM version ordering (rpm's rpmvercmp, as used by Red Hat, Rocky Linux, AlmaLinux, openSUSE, SUSE,
// Mageia): [epoch:]version[-release]. Epochs compare numerically (absent = 0); version and release are
// compared by rpmvercmp: separators (anything not alphanumeric, `~` or `^`) only split segments;
// `~` sorts before everything, even the end; `^` sorts after the end but before any further segment;
// digit segments compare numerically and beat letter segments; letter segments compare by code point;
// when all shared segments tie, the string with segments left over is newer.
import type { VersionScheme } from "./scheme.js";
import { isAllDigits, isDigitCode, isLetterCode, stripLeadingZeros } from "./digits.js";

export interface ParsedRpm {
  epoch: number;
  version: string;
  release: string;
}

export function parseRpm(input: string): ParsedRpm | undefined {
  const s = input.trim();
  if (s.length === 0) return undefined;
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
  const version = dash >= 0 ? rest.slice(0, dash) : rest;
  const release = dash >= 0 ? rest.slice(dash + 1) : "";
  if (version.length === 0) return undefined;
  return { epoch, version, release };
}

function isAlnum(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c);
}

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
  return rpmvercmp(a.version, b.version) || rpmvercmp(a.release, b.release);
}

export const rpmScheme: VersionScheme<ParsedRpm> = { name: "rpm", parse: parseRpm, compare: compareRpm };
