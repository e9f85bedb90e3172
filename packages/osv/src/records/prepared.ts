// Per-record work done once and cached: events sorted in the ecosystem's order, normalised package
// names. Cached in WeakMaps keyed by the record's own objects so records stay plain JSON.
import { compareVersions, isValidVersion } from "../versions/index.js";
import { normalizePackageName } from "../names/index.js";
import type { OsvAffected, OsvEvent, OsvRange } from "./osv-record.js";
import { splitEcosystem } from "./ecosystem.js";

export type EventKind = "introduced" | "fixed" | "last_affected" | "limit";

export interface SortedEvent {
  kind: EventKind;
  version: string;
}

export interface PreparedRange {
  /** Events other than `limit`, sorted; `introduced: "0"` first. Undefined when the versions could not be ordered. */
  events: SortedEvent[] | undefined;
  /** `limit` versions; empty means unbounded (`limit: "*"` is dropped here). */
  limits: string[];
  /** The ordering used ("SEMVER" ranges use SemVer whatever the ecosystem). */
  ordering: string;
  /** Why the events could not be ordered. */
  error?: string;
}

export interface PreparedAffected {
  ecosystem: string | undefined;
  /** Normalised package name. */
  name: string | undefined;
  versions: Set<string> | undefined;
}

const rangeCache = new WeakMap<OsvRange, PreparedRange>();
const affectedCache = new WeakMap<OsvAffected, PreparedAffected>();

export function eventOf(e: OsvEvent): SortedEvent | undefined {
  if (e.introduced !== undefined) return { kind: "introduced", version: e.introduced };
  if (e.fixed !== undefined) return { kind: "fixed", version: e.fixed };
  if (e.last_affected !== undefined) return { kind: "last_affected", version: e.last_affected };
  if (e.limit !== undefined) return { kind: "limit", version: e.limit };
  return undefined;
}

/** The ordering a range's versions follow: SemVer 2.0 for SEMVER ranges, the ecosystem's own otherwise. */
export function orderingFor(range: OsvRange, ecosystem: string): string {
  return range.type === "SEMVER" ? "SEMVER" : ecosystem;
}

export function prepareRange(range: OsvRange, ecosystem: string): PreparedRange {
  const cached = rangeCache.get(range);
  if (cached) return cached;
  const ordering = orderingFor(range, ecosystem);
  const events: SortedEvent[] = [];
  const limits: string[] = [];
  for (const raw of range.events ?? []) {
    const e = eventOf(raw);
    if (!e) continue;
    if (e.kind === "limit") {
      if (e.version !== "*") limits.push(e.version);
    } else events.push(e);
  }
  let prepared: PreparedRange;
  if (range.type === "GIT") {
    // Commits have no order of their own; the walk needs the repository graph.
    prepared = { events, limits, ordering };
  } else {
    // A bound the ordering cannot parse would sort first and silently decide every version as not
    // affected; such a range is reported as unorderable instead.
    const invalid = [...events.map((e) => e.version), ...limits].find(
      (v) => v !== "0" && !isValidVersion(ordering, v),
    );
    if (invalid !== undefined) {
      prepared = {
        events: undefined,
        limits,
        ordering,
        error: `"${invalid}" is not a valid ${ordering} version`,
      };
      rangeCache.set(range, prepared);
      return prepared;
    }
    try {
      events.sort((a, b) => {
        const az = a.kind === "introduced" && a.version === "0";
        const bz = b.kind === "introduced" && b.version === "0";
        if (az || bz) return az === bz ? 0 : az ? -1 : 1;
        return compareVersions(ordering, a.version, b.version);
      });
      prepared = { events, limits, ordering };
    } catch (err) {
      prepared = { events: undefined, limits, ordering, error: (err as Error).message };
    }
  }
  rangeCache.set(range, prepared);
  return prepared;
}

export function prepareAffected(affected: OsvAffected): PreparedAffected {
  const cached = affectedCache.get(affected);
  if (cached) return cached;
  const pkg = affected.package;
  const prepared: PreparedAffected = {
    ecosystem: pkg?.ecosystem,
    name: pkg ? normalizeName(pkg.ecosystem, pkg.name) : undefined,
    versions: affected.versions && affected.versions.length > 0 ? new Set(affected.versions) : undefined,
  };
  affectedCache.set(affected, prepared);
  return prepared;
}

const nameCache = new Map<string, Map<string, string>>();
let cachedNames = 0;

/**
 * Name normalisation keyed on the ecosystem's base ("Debian:11" names follow Debian's rules), memoised:
 * the same names are normalised for every record and every query.
 */
export function normalizeName(ecosystem: string, name: string): string {
  let names = nameCache.get(ecosystem);
  if (names === undefined) nameCache.set(ecosystem, (names = new Map()));
  let out = names.get(name);
  if (out === undefined) {
    out = normalizePackageName(splitEcosystem(ecosystem).base, name);
    // Bounded: names come from data.
    if (++cachedNames > 500_000) {
      nameCache.clear();
      cachedNames = 0;
      nameCache.set(ecosystem, (names = new Map()));
    }
    names.set(name, out);
  }
  return out;
}
