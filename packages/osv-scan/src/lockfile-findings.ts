// One finding per (vulnerability group, package version, lockfile) from the matches, and which packages
// were left undecided; shared by the head and (new-only) the base.
import type { Finding } from "@bulwark/core";
import type { ExtractResult, PackageRecord } from "@bulwark/lockfiles";
import { packageKey, type PackageMatch, type PackageQuery, type UnresolvedPackage } from "@bulwark/osv";
import { dependencyFinding } from "./dependency-finding.js";

/** One finding per (vulnerability group, package version, lockfile), and the packages left undecided. */
export function lockfileFindings(
  lockfiles: readonly ExtractResult[],
  byKey: ReadonlyMap<string, PackageMatch[]>,
  unresolvedByKey: ReadonlyMap<string, UnresolvedPackage>,
  keep: (r: PackageRecord) => boolean,
): {
  findings: Finding[];
  unresolvedPerFile: Map<string, Map<string, string>>;
  /** identity() of the packages left undecided. */
  unchecked: Set<string>;
} {
  const findings: Finding[] = [];
  const unresolvedPerFile = new Map<string, Map<string, string>>();
  const unchecked = new Set<string>();
  for (const lockfile of lockfiles) {
    const versions = new Map<string, Set<string | undefined>>();
    for (const r of lockfile.packages) {
      const k = `${r.ecosystem}/${r.name}`;
      versions.set(k, (versions.get(k) ?? new Set()).add(r.version));
    }
    const seen = new Set<string>();
    for (const r of lockfile.packages) {
      if (!keep(r)) continue;
      const key = packageKey(recordQuery(r));
      if (seen.has(key)) continue;
      seen.add(key);
      const unresolved = unresolvedByKey.get(key);
      if (unresolved) {
        unchecked.add(identity(lockfile.file, r.ecosystem, r.name));
        const names = unresolvedPerFile.get(lockfile.file) ?? new Map<string, string>();
        names.set(
          `${r.name}${r.requirement ? ` ${r.requirement}` : r.version ? `@${r.version}` : ""}`,
          unresolved.reason,
        );
        unresolvedPerFile.set(lockfile.file, names);
      }
      const severalVersions = (versions.get(`${r.ecosystem}/${r.name}`)?.size ?? 0) > 1;
      for (const m of byKey.get(key) ?? []) findings.push(dependencyFinding(m, r, { severalVersions }));
    }
  }
  return { findings, unresolvedPerFile, unchecked };
}

/** A package in a lockfile, whatever its version. */
export function identity(
  path: string | undefined,
  ecosystem: string | undefined,
  name: string | undefined,
): string {
  return `${path ?? ""}\u0000${ecosystem ?? ""}\u0000${name ?? ""}`;
}

export function recordQuery(r: PackageRecord): PackageQuery {
  return {
    ecosystem: r.ecosystem,
    name: r.name,
    ...(r.version !== undefined ? { version: r.version } : {}),
    ...(r.version === undefined && r.commit !== undefined ? { commit: r.commit } : {}),
  };
}

export function devOnly(r: PackageRecord): boolean {
  return r.scopes !== undefined && r.scopes.length > 0 && r.scopes.every((s) => s === "dev");
}
