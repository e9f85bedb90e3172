// What a Supported Versions cell says: "1.0.x", "2.x.x", ">= 1.2", "< 1.0", "1.2 - 1.4", "5.1, 5.2",
// "latest", "main"... parsed into a semver range (or a moving target such as "latest").
import semver from "semver";

export type VersionSpec =
  | {
      kind: "range";
      text: string;
      range: semver.Range;
      /** Highest release line the cell names, e.g. 2 for "2.x". */ mentions: semver.SemVer[];
    }
  | { kind: "latest"; text: string }
  /** A branch ahead of every release (next, nightly, develop): covers no release. */
  | { kind: "development"; text: string }
  | { kind: "unparsed"; text: string };

const MOVING =
  /^(latest|current|newest|main|master|stable|latest release|latest version|latest stable|most recent( release| version)?)$/i;
const DEVELOPMENT = /^(head|trunk|develop|development|dev|next|nightly|edge|canary|unreleased|beta|alpha)$/i;

/** Removes decoration that real tables put around versions: links, code spans, bold, notes in parentheses. */
function clean(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_]/g, "")
    .replace(/\(.*?\)/g, " ")
    .replace(
      /\b(versions?|releases?|series|branch|line|and (above|later|newer)|or (later|newer|higher))\b/gi,
      (m) => (/above|later|newer|higher/i.test(m) ? " + " : " "),
    )
    .replace(/\s+/g, " ")
    .trim();
}

/** A version written loosely ("v1.2", "1.2.x", "2.x.x") as the range grammar expects it. */
function normaliseVersionWord(word: string): string {
  return word
    .replace(/^v(?=\d)/i, "")
    .replace(/\.\*$/, ".x")
    .replace(/^\*$/, "*");
}

function mentionsOf(text: string): semver.SemVer[] {
  const found: semver.SemVer[] = [];
  for (const m of text.matchAll(/\d+(\.\d+){0,2}/g)) {
    const coerced = semver.coerce(m[0]);
    if (coerced) found.push(coerced);
  }
  return found;
}

/**
 * Longer cells are not version specs (real ones are a few words); refusing them keeps the cleaning
 * regexes, which backtrack over digit runs, from going quadratic on a megabyte-long cell.
 */
const MAX_SPEC_LENGTH = 500;

export function parseVersionSpec(cell: string): VersionSpec {
  const text = cell.trim();
  if (text.length > MAX_SPEC_LENGTH) return { kind: "unparsed", text };
  if (/^(\*|all|any|all versions)$/i.test(text))
    return { kind: "range", text, range: new semver.Range("*"), mentions: [] };
  const cleaned = clean(text);
  if (MOVING.test(cleaned)) return { kind: "latest", text };
  if (DEVELOPMENT.test(cleaned)) return { kind: "development", text };
  if (cleaned === "" || !/\d|^\*$|^all$/i.test(cleaned)) return { kind: "unparsed", text };
  if (/^(\*|all|any)$/i.test(cleaned))
    return { kind: "range", text, range: new semver.Range("*"), mentions: [] };

  const alternatives = cleaned
    .split(/\s*(?:,|;|\|\||\bor\b|\band\b(?!\s*(above|later)))\s*/i)
    .filter((part) => part && /\d/.test(part));
  const ranges: string[] = [];
  for (const alt of alternatives) {
    let part = alt
      .replace(/\s*(?:–|—|\bto\b|\bthrough\b)\s*/gi, " - ")
      .replace(/(\d[\w.*]*)\s*\+$/, ">=$1")
      .replace(/^(\d[\w.*]*)\s*(and|&)?\s*(up|above|newer|later)$/i, ">=$1")
      .replace(/≥/g, ">=")
      .replace(/≤/g, "<=")
      .replace(/([<>]=?|=|\^|~)\s+/g, "$1");
    part = part
      .split(/\s+/)
      .map((w) => (w === "-" ? w : w.replace(/^([<>]=?|=|\^|~)?v?/, (p) => p.replace(/v$/i, ""))))
      .map((w) => (w === "-" ? w : normaliseVersionWord(w)))
      .join(" ");
    if (semver.validRange(part, { loose: true })) ranges.push(part);
    else return { kind: "unparsed", text };
  }
  if (ranges.length === 0) return { kind: "unparsed", text };
  return {
    kind: "range",
    text,
    range: new semver.Range(joinRanges(ranges), { loose: true }),
    mentions: mentionsOf(cleaned),
  };
}

/** ">= 1.2, < 2.0" is one bounded range (AND); "5.1, 5.2" is a list (OR). */
function joinRanges(ranges: string[]): string {
  const lower = ranges.filter((r) => /^>=?\s*\d/.test(r));
  const upper = ranges.filter((r) => /^<=?\s*\d/.test(r));
  if (ranges.length === 2 && lower.length === 1 && upper.length === 1) return `${lower[0]} ${upper[0]}`;
  return ranges.join(" || ");
}

/** Does a release fall under this cell? "latest" covers exactly the latest release. */
export function specCovers(spec: VersionSpec, version: semver.SemVer, latest?: semver.SemVer): boolean {
  if (spec.kind === "latest") return latest !== undefined && semver.eq(version, latest);
  if (spec.kind === "unparsed" || spec.kind === "development") return false;
  // A prerelease of 2.0.0 belongs to the 2.x line for policy purposes.
  return semver.satisfies(version, spec.range, { includePrerelease: true, loose: true });
}
