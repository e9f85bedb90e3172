/**
 * Version ordering for every OSV ecosystem.
 *
 * `compareVersions(ecosystem, a, b)` returns -1, 0 or 1 and never throws. The ecosystem may carry a
 * release suffix (`Debian:12`); `SEMVER` selects plain SemVer 2.0 (for OSV `SEMVER` ranges); unknown
 * ecosystems use the generic natural order (see generic.ts).
 *
 * Invalid versions: a string the ecosystem's scheme rejects sorts before every valid version; two
 * invalid strings compare by the generic natural order, then by code points. So the order is total and
 * stable, and a garbage `fixed` bound never makes everything "affected" by sorting last.
 */
import { ecosystemFamily } from "./ecosystem-family.js";
import { schemeForFamily, ECOSYSTEM_SCHEMES } from "./schemes.js";
import { ParseCache } from "./parse-cache.js";
import { genericScheme } from "./generic.js";
import type { VersionScheme } from "./scheme.js";

export { ecosystemFamily } from "./ecosystem-family.js";
export type { VersionScheme } from "./scheme.js";

/** Ecosystem families with a dedicated ordering (others fall back to the generic order). */
export const SUPPORTED_ECOSYSTEMS: readonly string[] = Object.freeze(
  Object.keys(ECOSYSTEM_SCHEMES).filter((e) => e !== "SEMVER"),
);

interface Comparator {
  cache: ParseCache<unknown>;
  scheme: VersionScheme<unknown>;
}

const comparators = new Map<string, Comparator>();
const schemeCaches = new Map<VersionScheme<unknown>, ParseCache<unknown>>();
const genericCache = new ParseCache(genericScheme);

let lastEcosystem: string | undefined;
let lastComparator: Comparator | undefined;

function comparatorFor(ecosystem: string): Comparator {
  // The matcher compares many versions of one ecosystem in a row.
  if (ecosystem === lastEcosystem && lastComparator) return lastComparator;
  let c = comparators.get(ecosystem);
  if (!c) {
    const scheme = schemeForFamily(ecosystemFamily(ecosystem));
    let cache = schemeCaches.get(scheme);
    if (!cache) {
      cache = new ParseCache(scheme);
      schemeCaches.set(scheme, cache);
    }
    c = { cache, scheme };
    // Ecosystem strings come from data; bound this map too.
    if (comparators.size > 10_000) comparators.clear();
    comparators.set(ecosystem, c);
  }
  lastEcosystem = ecosystem;
  lastComparator = c;
  return c;
}

function compareInvalid(a: string, b: string): -1 | 0 | 1 {
  const g = genericScheme.compare(genericCache.get(a)!, genericCache.get(b)!);
  if (g !== 0) return g < 0 ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Orders two versions of the given ecosystem: -1 when a < b, 0 when equal in that ecosystem, 1 when a > b. */
export function compareVersions(ecosystem: string, a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  return compareWith(comparatorFor(ecosystem), a, b);
}

/**
 * A comparator bound to one ecosystem (same results as compareVersions), for sorting and other hot
 * loops: `versions.sort(versionComparator("PyPI"))`.
 */
export function versionComparator(ecosystem: string): (a: string, b: string) => -1 | 0 | 1 {
  const c = comparatorFor(ecosystem);
  return (a, b) => (a === b ? 0 : compareWith(c, a, b));
}

function compareWith({ cache, scheme }: Comparator, a: string, b: string): -1 | 0 | 1 {
  const pa = cache.get(a);
  const pb = cache.get(b);
  if (pa === null || pb === null) {
    if (pa !== null) return 1;
    if (pb !== null) return -1;
    return compareInvalid(a, b);
  }
  let c: number;
  try {
    c = scheme.compare(pa, pb);
  } catch {
    // Schemes are written not to throw; this keeps the never-throws promise regardless.
    return compareInvalid(a, b);
  }
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Whether the ecosystem's scheme accepts the version (the generic fallback accepts any non-empty string). */
export function isValidVersion(ecosystem: string, version: string): boolean {
  if (version.trim().length === 0) return false;
  return comparatorFor(ecosystem).cache.get(version) !== null;
}
