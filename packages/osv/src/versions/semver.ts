// SemVer 2.0 precedence (semver.org §11) with the leniencies and quirks of the ecosystems built on it.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isAllDigits, isDigitCode, stripLeadingZeros } from "./digits.js";

export interface SemverOptions {
  /** NuGet: prerelease labels compare case-insensitively. */
  caseInsensitive?: boolean;
  /**
   * Build metadata breaks ties (1.0.0 < 1.0.0+1 < 1.0.0+2) instead of being ignored: Pub sorts build
   * numbers this way, Julia's VersionNumber and Rust's semver crate compare build metadata after
   * everything else, and Julia advisories use ranges such as `introduced 4.3.1+0, fixed 4.3.1+2`.
   */
  orderBuild?: boolean;
}

/** A dot-separated identifier list: numeric identifiers are normalised digit strings, flagged in `numeric`. */
interface Identifiers {
  ids: string[];
  numeric: boolean[];
}

export interface ParsedSemver {
  /** Release components without leading zeros; any count (missing components compare as 0). */
  core: string[];
  pre: Identifiers | undefined;
  build: Identifiers | undefined;
}

function parseIdentifiers(text: string, lower: boolean): Identifiers | undefined {
  const ids: string[] = [];
  const numeric: boolean[] = [];
  for (const part of text.split(".")) {
    if (part.length === 0) return undefined;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      const ok = isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
      if (!ok) return undefined;
    }
    const isNum = isAllDigits(part);
    ids.push(isNum ? stripLeadingZeros(part) : lower ? part.toLowerCase() : part);
    numeric.push(isNum);
  }
  return { ids, numeric };
}

/**
 * Parses leniently: surrounding whitespace, a leading `v`/`V` or `=` and missing minor/patch components
 * are accepted (`v1.2` is 1.2.0); so are more than three components (NuGet's 1.2.3.4).
 */
export function parseSemver(input: string, options: SemverOptions = {}): ParsedSemver | undefined {
  let s = input.trim();
  if (s.startsWith("=")) s = s.slice(1).trim();
  if (s.startsWith("v") || s.startsWith("V")) s = s.slice(1);
  let end = s.length;
  const plus = s.indexOf("+");
  let build: Identifiers | undefined;
  if (plus >= 0) {
    build = parseIdentifiers(s.slice(plus + 1), false);
    if (!build) return undefined;
    end = plus;
  }
  const head = s.slice(0, end);
  const dash = head.indexOf("-");
  let pre: Identifiers | undefined;
  const coreText = dash >= 0 ? head.slice(0, dash) : head;
  if (dash >= 0) {
    pre = parseIdentifiers(head.slice(dash + 1), options.caseInsensitive === true);
    if (!pre) return undefined;
  }
  const core: string[] = [];
  for (const part of coreText.split(".")) {
    if (!isAllDigits(part)) return undefined;
    core.push(stripLeadingZeros(part));
  }
  return { core, pre, build };
}

function compareCore(a: string[], b: string[]): number {
  const n = a.length > b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i] ?? "0", b[i] ?? "0");
    if (c !== 0) return c;
  }
  return 0;
}

/** semver.org §11.4: numeric identifiers numerically, numeric < alphanumeric, longer list wins a tie. */
function compareIdentifiers(a: Identifiers, b: Identifiers): number {
  const n = a.ids.length < b.ids.length ? a.ids.length : b.ids.length;
  for (let i = 0; i < n; i++) {
    const an = a.numeric[i];
    const bn = b.numeric[i];
    const x = a.ids[i] as string;
    const y = b.ids[i] as string;
    if (an && bn) {
      const c = compareDigits(x, y);
      if (c !== 0) return c;
    } else if (an !== bn) {
      return an ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return a.ids.length - b.ids.length;
}

export function compareSemver(a: ParsedSemver, b: ParsedSemver, orderBuild = false): number {
  const c = compareCore(a.core, b.core);
  if (c !== 0) return c;
  if (a.pre !== b.pre) {
    // A prerelease sorts before its release.
    if (!a.pre) return 1;
    if (!b.pre) return -1;
    const p = compareIdentifiers(a.pre, b.pre);
    if (p !== 0) return p;
  }
  if (orderBuild && a.build !== b.build) {
    if (!a.build) return -1;
    if (!b.build) return 1;
    return compareIdentifiers(a.build, b.build);
  }
  return 0;
}

export function semverScheme(name: string, options: SemverOptions = {}): VersionScheme<ParsedSemver> {
  const orderBuild = options.orderBuild === true;
  return {
    name,
    parse: (v) => parseSemver(v, options),
    compare: (a, b) => compareSemver(a, b, orderBuild),
  };
}
