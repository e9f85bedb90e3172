// From packages to findings-ready matches: query a source, evaluate every candidate record, group
// the affecting records by alias, attach severity, fix advice and dates.
import type { Severity } from "@bulwark/core";
import { severityFromOsv } from "../cvss/index.js";
import { compareVersions } from "../versions/index.js";
import { groupRecords } from "../grouping/alias-groups.js";
import type { OsvRecord, PackageQuery } from "../records/osv-record.js";
import { packageKey } from "../records/package-key.js";
import type { SourceProblem, VulnerabilitySource } from "../sources/vulnerability-source.js";
import { isAffected, type IsAffectedOptions } from "./is-affected.js";

export type MatchOptions = IsAffectedOptions;

export interface PackageMatch {
  package: PackageQuery;
  /** The group's name (CVE first, then GHSA, then others). */
  id: string;
  /** Ids of the OSV records in the group. */
  ids: string[];
  /** Every other identifier of the group. */
  aliases: string[];
  summary?: string;
  /** Highest of the group's records; undefined when no record carries a severity. */
  severity?: Severity;
  score?: number;
  /** Lowest version fixing every record of the group that names a fix; undefined: no fix yet. */
  fixedVersion?: string;
  /** Earliest `published` of the group (for SLA clocks) and latest `modified`. */
  published?: string;
  modified: string;
  /** The full records. */
  records: OsvRecord[];
}

export interface UnresolvedPackage {
  package: PackageQuery;
  reason: string;
  /** Records that may affect it. */
  ids: string[];
}

export interface MatchResult {
  matches: PackageMatch[];
  unresolved: UnresolvedPackage[];
  problems: SourceProblem[];
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export async function matchPackages(
  packages: readonly PackageQuery[],
  source: VulnerabilitySource,
  options: MatchOptions = {},
): Promise<MatchResult> {
  const { candidates, problems } = await source.query(packages);
  const blocked = new Map<string, string>();
  for (const p of problems) for (const key of p.packages) blocked.set(key, p.message);

  const perPackage: Array<{
    pkg: PackageQuery;
    records: OsvRecord[];
    fixes: Map<string, string | undefined>;
  }> = [];
  const unresolved: UnresolvedPackage[] = [];
  const seen = new Set<string>();
  for (const pkg of packages) {
    const key = packageKey(pkg);
    if (seen.has(key)) continue;
    seen.add(key);
    const problem = blocked.get(key);
    if (problem !== undefined) {
      unresolved.push({ package: pkg, reason: problem, ids: [] });
      continue;
    }
    const affecting: OsvRecord[] = [];
    const fixes = new Map<string, string | undefined>();
    const maybe: string[] = [];
    let reason: string | undefined;
    for (const record of candidates.get(key) ?? []) {
      const result = isAffected(record, pkg, options);
      if (result.status === "affected") {
        affecting.push(record);
        fixes.set(record.id, result.fixed);
      } else if (result.status === "unresolved") {
        maybe.push(record.id);
        reason ??= result.reason;
      }
    }
    if (maybe.length > 0)
      unresolved.push({ package: pkg, reason: reason ?? "unresolved", ids: maybe.sort() });
    if (affecting.length > 0) perPackage.push({ pkg, records: affecting, fixes });
  }

  const full = await source.records(new Set(perPackage.flatMap((p) => p.records.map((r) => r.id))));
  const matches: PackageMatch[] = [];
  for (const { pkg, records, fixes } of perPackage) {
    for (const group of groupRecords(records)) {
      const fullRecords = group.records.map((r) => full.get(r.id) ?? r);
      const sev = highestSeverity(fullRecords);
      const fixedVersion = groupFix(
        pkg.ecosystem,
        group.records.map((r) => fixes.get(r.id)),
      );
      const summary = fullRecords.find((r) => r.summary)?.summary;
      matches.push({
        package: pkg,
        id: group.id,
        ids: group.records.map((r) => r.id),
        aliases: group.aliases,
        ...(summary !== undefined ? { summary } : {}),
        ...(sev?.severity !== undefined ? { severity: sev.severity } : {}),
        ...(sev?.score !== undefined ? { score: sev.score } : {}),
        ...(fixedVersion !== undefined ? { fixedVersion } : {}),
        ...(group.published !== undefined ? { published: group.published } : {}),
        modified: group.modified,
        records: fullRecords,
      });
    }
  }
  return { matches, unresolved, problems };
}

function highestSeverity(records: OsvRecord[]): { severity: Severity; score?: number } | undefined {
  let best: { severity: Severity; score?: number } | undefined;
  for (const r of records) {
    const s = severityFromOsv(r);
    if (!s) continue;
    if (
      !best ||
      SEVERITY_RANK[s.severity] > SEVERITY_RANK[best.severity] ||
      (SEVERITY_RANK[s.severity] === SEVERITY_RANK[best.severity] && (s.score ?? -1) > (best.score ?? -1))
    ) {
      best = { severity: s.severity, ...(s.score !== undefined ? { score: s.score } : {}) };
    }
  }
  return best;
}

/** The version that fixes every record naming a fix: the highest of their lowest fixes. */
function groupFix(ecosystem: string, fixes: Array<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const f of fixes) {
    if (f === undefined) continue;
    if (best === undefined) best = f;
    else {
      try {
        if (compareVersions(ecosystem, f, best) > 0) best = f;
      } catch {
        // Unorderable fixes (e.g. commits): keep the first.
      }
    }
  }
  return best;
}
