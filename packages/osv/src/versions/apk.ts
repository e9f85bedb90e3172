// Alpine apk version ordering (apk-tools, following Gentoo's version rules):
//   number{.number}[letter]{_suffix[number]}[~hash][-r<revision>]
// The first number compares numerically; later numbers with a leading zero compare as decimal fractions
// (1.01 < 1.1), others numerically; more numbers win a tie. Then the letter (none first), then suffixes:
// _alpha < _beta < _pre < _rc < (no suffix) < _cvs < _svn < _git < _hg < _p, each with its own number;
// then the ~hash (as a string) and finally the -r revision.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isDigitCode, stripLeadingZeros } from "./digits.js";

export interface ParsedApk {
  numbers: string[];
  letter: number;
  /** Pairs of [rank, number-as-normalised-digits]. */
  suffixes: [number, string][];
  hash: string;
  revision: string;
}

const SUFFIX_RANK: Record<string, number> = {
  alpha: 0,
  beta: 1,
  pre: 2,
  rc: 3,
  cvs: 5,
  svn: 6,
  git: 7,
  hg: 8,
  p: 9,
};
/** The rank a version with no (further) suffix has. */
const NO_SUFFIX = 4;

function readDigits(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigitCode(s.charCodeAt(i))) i++;
  return i;
}

export function parseApk(input: string): ParsedApk | undefined {
  const s = input.trim();
  let i = readDigits(s, 0);
  if (i === 0) return undefined;
  const numbers = [s.slice(0, i)];
  while (i < s.length && s.charCodeAt(i) === 46) {
    const end = readDigits(s, i + 1);
    if (end === i + 1) return undefined;
    numbers.push(s.slice(i + 1, end));
    i = end;
  }
  let letter = 0;
  const lc = s.charCodeAt(i);
  if (lc >= 97 && lc <= 122) {
    letter = lc;
    i++;
  }
  const suffixes: [number, string][] = [];
  while (i < s.length && s.charCodeAt(i) === 95) {
    let end = i + 1;
    while (end < s.length && s.charCodeAt(end) >= 97 && s.charCodeAt(end) <= 122) end++;
    const rank = SUFFIX_RANK[s.slice(i + 1, end)];
    if (rank === undefined) return undefined;
    const numEnd = readDigits(s, end);
    suffixes.push([rank, numEnd > end ? stripLeadingZeros(s.slice(end, numEnd)) : "0"]);
    i = numEnd;
  }
  let hash = "";
  if (s.charCodeAt(i) === 126) {
    let end = i + 1;
    while (end < s.length && s.charCodeAt(end) !== 45) end++;
    hash = s.slice(i + 1, end);
    if (hash.length === 0) return undefined;
    i = end;
  }
  let revision = "0";
  if (i < s.length) {
    if (s.charCodeAt(i) !== 45 || s.charCodeAt(i + 1) !== 114) return undefined;
    const end = readDigits(s, i + 2);
    if (end === i + 2 || end !== s.length) return undefined;
    revision = stripLeadingZeros(s.slice(i + 2, end));
  }
  return { numbers, letter, suffixes, hash, revision };
}

function compareNumber(a: string, b: string, first: boolean): number {
  if (!first && (a.charCodeAt(0) === 48 || b.charCodeAt(0) === 48)) {
    // Fractional comparison: trailing zeros carry no weight.
    let x = a;
    let y = b;
    while (x.length > 1 && x.endsWith("0")) x = x.slice(0, -1);
    while (y.length > 1 && y.endsWith("0")) y = y.slice(0, -1);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return compareDigits(stripLeadingZeros(a), stripLeadingZeros(b));
}

export function compareApk(a: ParsedApk, b: ParsedApk): number {
  const n = Math.min(a.numbers.length, b.numbers.length);
  for (let i = 0; i < n; i++) {
    const c = compareNumber(a.numbers[i] as string, b.numbers[i] as string, i === 0);
    if (c !== 0) return c;
  }
  if (a.numbers.length !== b.numbers.length) return a.numbers.length - b.numbers.length;
  if (a.letter !== b.letter) return a.letter - b.letter;
  const m = Math.max(a.suffixes.length, b.suffixes.length);
  for (let i = 0; i < m; i++) {
    const x = a.suffixes[i];
    const y = b.suffixes[i];
    const xr = x ? x[0] : NO_SUFFIX;
    const yr = y ? y[0] : NO_SUFFIX;
    if (xr !== yr) return xr - yr;
    const c = compareDigits(x ? x[1] : "0", y ? y[1] : "0");
    if (c !== 0) return c;
  }
  if (a.hash !== b.hash) return a.hash < b.hash ? -1 : 1;
  return compareDigits(a.revision, b.revision);
}

export const apkScheme: VersionScheme<ParsedApk> = { name: "apk", parse: parseApk, compare: compareApk };
