// The OSV schema's evaluation of one record against one package version (or commit):
// `versions` lists first, then every range of every affected entry naming the package.
import { compareVersions, isValidVersion } from "../versions/index.js";
import type { OsvAffected, OsvRange, OsvRecord, PackageQuery } from "../records/osv-record.js";
import { ecosystemApplies } from "../records/ecosystem.js";
import { normalizeName, prepareAffected, prepareRange } from "../records/prepared.js";
import { normalizeRepoUrl } from "../records/repo-url.js";

export type AffectedStatus = "affected" | "not-affected" | "unresolved";

/**
 * Answers "is `ancestor` reachable from (or equal to) `descendant`" in `repo`; undefined when unknown.
 * Without it, GIT ranges are decided only when the commit is one of the range's own events.
 */
export type GitAncestry = (repo: string, ancestor: string, descendant: string) => boolean | undefined;

export interface IsAffectedOptions {
  gitAncestry?: GitAncestry;
}

export interface AffectedResult {
  status: AffectedStatus;
  /**
   * When affected: the lowest fixed version above the installed one over the ranges that affect it
   * (a commit for GIT ranges); undefined means no fix yet.
   */
  fixed?: string;
  /** Why the result is unresolved. */
  reason?: string;
}

type RangeVerdict = { status: AffectedStatus; fixed?: string; reason?: string };

/** Whether an affected entry names the queried package (normalised name, ecosystem family and release). */
export function affectedEntryApplies(
  affected: OsvAffected,
  query: PackageQuery,
  queryName?: string,
): boolean {
  const prepared = prepareAffected(affected);
  if (prepared.ecosystem === undefined || prepared.name === undefined) {
    // Commit-only entries: a query for ecosystem "GIT" names the repository.
    if (query.ecosystem !== "GIT") return false;
    const repo = normalizeRepoUrl(query.name);
    return (affected.ranges ?? []).some(
      (r) => r.type === "GIT" && r.repo && normalizeRepoUrl(r.repo) === repo,
    );
  }
  if (!ecosystemApplies(prepared.ecosystem, query.ecosystem)) return false;
  return prepared.name === (queryName ?? normalizeName(query.ecosystem, query.name));
}

export function isAffected(
  record: OsvRecord,
  query: PackageQuery,
  options: IsAffectedOptions = {},
): AffectedResult {
  if (record.withdrawn) return { status: "not-affected" };
  const queryName = query.ecosystem === "GIT" ? query.name : normalizeName(query.ecosystem, query.name);
  let affected = false;
  let fixed: string | undefined;
  let unresolvedReason: string | undefined;
  let matchedPackage = false;

  for (const entry of record.affected ?? []) {
    if (!affectedEntryApplies(entry, query, queryName)) continue;
    matchedPackage = true;
    const ecosystem = entry.package?.ecosystem ?? query.ecosystem;
    const prepared = prepareAffected(entry);
    if (query.version === undefined && query.commit === undefined) {
      unresolvedReason ??= "no version to compare";
      continue;
    }
    if (query.version !== undefined && prepared.versions?.has(query.version)) {
      affected = true;
      // A `versions` list alone says nothing about fixes; a range covering the version may.
    } else if (query.version === undefined && prepared.versions) {
      unresolvedReason ??= "no version to compare with the versions list";
    }
    for (const range of entry.ranges ?? []) {
      const verdict =
        range.type === "GIT"
          ? gitVerdict(range, query.commit, options.gitAncestry)
          : versionVerdict(range, ecosystem, query.version);
      if (verdict === undefined) continue;
      if (verdict.status === "affected") {
        affected = true;
        if (verdict.fixed === undefined) continue;
        if (fixed === undefined || lowerFix(range, ecosystem, verdict.fixed, fixed)) fixed = verdict.fixed;
      } else if (verdict.status === "unresolved") {
        unresolvedReason ??= verdict.reason;
      }
    }
  }
  if (!matchedPackage) return { status: "not-affected" };
  if (affected) return fixed !== undefined ? { status: "affected", fixed } : { status: "affected" };
  if (unresolvedReason !== undefined) return { status: "unresolved", reason: unresolvedReason };
  return { status: "not-affected" };
}

function lowerFix(range: OsvRange, ecosystem: string, candidate: string, current: string): boolean {
  if (range.type === "GIT") return false;
  try {
    return compareVersions(range.type === "SEMVER" ? "SEMVER" : ecosystem, candidate, current) < 0;
  } catch {
    return false;
  }
}

/** ECOSYSTEM and SEMVER ranges; a query with only a commit cannot be placed in them (unresolved). */
function versionVerdict(
  range: OsvRange,
  ecosystem: string,
  version: string | undefined,
): RangeVerdict | undefined {
  if (version === undefined)
    return { status: "unresolved", reason: `no version to compare with ${range.type} ranges` };
  const prepared = prepareRange(range, ecosystem);
  if (prepared.events === undefined) {
    return {
      status: "unresolved",
      reason: `range versions cannot be ordered: ${prepared.error ?? "unknown"}`,
    };
  }
  if (!isValidVersion(prepared.ordering, version)) {
    return { status: "unresolved", reason: `${version} is not a valid ${prepared.ordering} version` };
  }
  const cmp = (a: string, b: string): number => compareVersions(prepared.ordering, a, b);
  try {
    if (prepared.limits.length > 0 && !prepared.limits.some((l) => cmp(version, l) < 0)) {
      return { status: "not-affected" };
    }
    const events = prepared.events;
    let state = false;
    let i = 0;
    for (; i < events.length; i++) {
      const e = events[i]!;
      if (e.kind === "introduced") {
        if (e.version === "0" || cmp(version, e.version) >= 0) state = true;
        else break;
      } else if (e.kind === "fixed") {
        if (cmp(version, e.version) >= 0) state = false;
        else break;
      } else if (e.kind === "last_affected") {
        if (cmp(version, e.version) > 0) state = false;
        else break;
      }
    }
    if (!state) return { status: "not-affected" };
    // The first event past the installed version: a fix, or a last_affected (no fix in this range).
    for (; i < events.length; i++) {
      const e = events[i]!;
      if (e.kind === "fixed") return { status: "affected", fixed: e.version };
      if (e.kind === "last_affected") return { status: "affected" };
    }
    return { status: "affected" };
  } catch (err) {
    return {
      status: "unresolved",
      reason: `version ${version} cannot be compared: ${(err as Error).message}`,
    };
  }
}

/** GIT ranges: decided by commit; skipped (undefined) when the query has no commit. */
function gitVerdict(
  range: OsvRange,
  commit: string | undefined,
  ancestry: GitAncestry | undefined,
): RangeVerdict | undefined {
  if (commit === undefined) return undefined;
  const prepared = prepareRange(range, "GIT");
  const events = prepared.events ?? [];
  const c = commit.toLowerCase();
  const same = (v: string): boolean => v.toLowerCase() === c;
  const fixedCommit = events.find((e) => e.kind === "fixed")?.version;
  const repo = range.repo ?? "";
  if (ancestry) {
    const anc = (a: string, d: string): boolean | undefined => (a === "0" ? true : ancestry(repo, a, d));
    // Undecidable steps make the answer unknown only where they could change it.
    let unknown = false;
    let limitUnknown = false;
    if (prepared.limits.length > 0) {
      const answers = prepared.limits.map((l) => (same(l) ? false : ancestry(repo, c, l)));
      if (!answers.includes(true)) {
        if (!answers.includes(undefined)) return { status: "not-affected" };
        limitUnknown = true;
      }
    }
    for (const intro of events.filter((e) => e.kind === "introduced")) {
      const reached = anc(intro.version, c);
      if (reached === undefined) unknown = true;
      if (reached !== true) continue;
      let closeUnknown = false;
      const yes = (v: boolean | undefined): boolean => {
        if (v === undefined) closeUnknown = true;
        return v === true;
      };
      const closed = events.some(
        (e) =>
          (e.kind === "fixed" || (e.kind === "last_affected" && !same(e.version))) &&
          yes(anc(intro.version, e.version)) &&
          yes(ancestry(repo, e.version, c)),
      );
      if (closed) continue;
      if (closeUnknown || limitUnknown) {
        unknown = true;
        continue;
      }
      return { status: "affected", fixed: fixedCommit };
    }
    if (unknown) return { status: "unresolved", reason: `ancestry of commit ${commit} in ${repo} unknown` };
    return { status: "not-affected" };
  }
  if (events.some((e) => (e.kind === "fixed" && same(e.version)) || prepared.limits.some(same))) {
    return { status: "not-affected" };
  }
  if (events.some((e) => (e.kind === "introduced" || e.kind === "last_affected") && same(e.version))) {
    return { status: "affected", fixed: fixedCommit };
  }
  return {
    status: "unresolved",
    reason: `commit ${commit} is not an event of ${repo}; its ancestry is unknown`,
  };
}
