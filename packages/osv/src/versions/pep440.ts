// PEP 440 ordering (packaging.python.org "Version specifiers"): epoch, release (trailing zeros ignored),
// pre-release, post-release, development release, local label. Parsing is @renovatebot/pep440's; the
// ordering key is computed here once per version so comparisons avoid re-parsing.
import { explain } from "@renovatebot/pep440";
import type { VersionScheme } from "./scheme.js";

export interface ParsedPep440 {
  epoch: number;
  release: number[];
  /** -Infinity for a bare dev release (1.0.dev1 sorts before 1.0a1), +Infinity when there is no pre-release. */
  preRank: number;
  preNumber: number;
  /** -Infinity when there is no post-release. */
  post: number;
  /** +Infinity when there is no dev release. */
  dev: number;
  /** Local segments; numbers sort after strings; undefined when there is no local label. */
  local: (string | number)[] | undefined;
}

const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, rc: 2, c: 2, pre: 2, preview: 2 };

export function parsePep440(version: string): ParsedPep440 | undefined {
  const e = explain(version);
  if (!e) return undefined;
  // The library's typings declare post/dev as arrays; at run time they are numbers or null.
  const post = e.post as unknown as number | null;
  const dev = e.dev as unknown as number | null;
  const release = e.release.slice();
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  let preRank = Number.POSITIVE_INFINITY;
  let preNumber = 0;
  if (e.pre) {
    preRank = PRE_RANK[String(e.pre[0]).toLowerCase()] ?? 2;
    preNumber = Number(e.pre[1]);
  } else if (post === null && dev !== null) {
    preRank = Number.NEGATIVE_INFINITY;
  }
  const local = e.local
    ? e.local.split(/[._-]/).map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg.toLowerCase()))
    : undefined;
  return {
    epoch: e.epoch,
    release,
    preRank,
    preNumber,
    post: post ?? Number.NEGATIVE_INFINITY,
    dev: dev ?? Number.POSITIVE_INFINITY,
    local,
  };
}

function compareLocal(a: (string | number)[] | undefined, b: (string | number)[] | undefined): number {
  if (a === b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string | number;
    const y = b[i] as string | number;
    if (x === y) continue;
    const xn = typeof x === "number";
    if (xn !== (typeof y === "number")) return xn ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export function comparePep440(a: ParsedPep440, b: ParsedPep440): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  const n = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const x = a.release[i] ?? 0;
    const y = b.release[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (a.preRank !== b.preRank) return a.preRank < b.preRank ? -1 : 1;
  if (a.preNumber !== b.preNumber) return a.preNumber - b.preNumber;
  if (a.post !== b.post) return a.post < b.post ? -1 : 1;
  if (a.dev !== b.dev) return a.dev < b.dev ? -1 : 1;
  return compareLocal(a.local, b.local);
}

export const pep440Scheme: VersionScheme<ParsedPep440> = {
  name: "PEP 440",
  parse: parsePep440,
  compare: comparePep440,
};
