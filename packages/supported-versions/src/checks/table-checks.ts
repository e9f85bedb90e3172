// The checks of the Supported Versions table against the releases.
import semver from "semver";
import type { Finding } from "@bulwark/core";
import { specCovers, type SupportTable } from "@bulwark/security-policy";
import { latestRelease, releaseLine, type Release } from "../releases/releases.js";
import type { ManifestVersion } from "../releases/manifest-version.js";
import { policyFinding } from "./policy-finding.js";
import { coverage, expiredRows } from "./support-evaluation.js";

export interface TableCheckInput {
  policyPath: string;
  table: SupportTable;
  releases: readonly Release[];
  manifest?: ManifestVersion;
  includePrereleases?: boolean;
  /** For end-of-support dates; rows are expected to have gone through withDatedStatus already. */
  now?: Date;
}

export function checkTable({
  policyPath,
  table,
  releases,
  manifest,
  includePrereleases = false,
  now,
}: TableCheckInput): Finding[] {
  const findings: Finding[] = [];
  const at = (line: number) => ({ path: policyPath, startLine: line });
  const latest = latestRelease(releases, includePrereleases);

  for (const row of table.rows) {
    if (row.spec.kind === "unparsed") {
      findings.push(
        policyFinding({
          rule: "unreadable-row",
          severity: "low",
          title: `Supported Versions row "${row.versionText}" names no version Bulwark can read`,
          message: `The row at line ${row.line} says "${row.versionText}", which is not a version, range or "latest".`,
          remediation: "Write the versions as 1.2.x, 2.x, >= 1.2, < 1.0, 1.2 - 1.4 or latest.",
          location: at(row.line),
          key: row.versionText,
        }),
      );
    } else if (row.status === "unknown") {
      findings.push(
        policyFinding({
          rule: "unreadable-row",
          severity: "low",
          title: `Supported Versions row "${row.versionText}" does not say whether it is supported`,
          message: `The support cell at line ${row.line} reads "${row.statusText}".`,
          remediation: "Mark the row with ✅ / :white_check_mark: / yes, or ❌ / :x: / no.",
          location: at(row.line),
          key: row.versionText,
        }),
      );
    }
  }

  for (const row of now ? expiredRows(table, now) : []) {
    findings.push(
      policyFinding({
        rule: "support-date-passed",
        severity: "medium",
        title: `Row "${row.versionText}" is marked supported, but its support ended on ${row.until}`,
        message: `The row at line ${row.line} says "${row.statusText}" while its end-of-support date, ${row.until}, has passed. Users cannot tell whether fixes still come.`,
        remediation: `Mark ${row.versionText} unsupported, or move its end-of-support date if it is still maintained.`,
        location: at(row.line),
        key: row.versionText,
      }),
    );
  }

  if (latest) {
    const cov = coverage(table, latest.version, latest.version);
    if (cov.unsupportedBy.length > 0 && cov.supportedBy.length === 0) {
      const row = cov.unsupportedBy[0]!;
      findings.push(
        policyFinding({
          rule: "latest-release-unsupported",
          severity: "high",
          title: `The latest release ${latest.version.version} is marked unsupported`,
          message: `Row "${row.versionText}" (line ${row.line}) says it is not supported, but it covers the latest release ${latest.version.version} (tag ${latest.tag}). Users on the newest version are told they get no security fixes.`,
          remediation: `Mark the ${releaseLine(latest.version)}.x line supported, or narrow the row so it no longer covers ${latest.version.version}.`,
          location: at(row.line),
          key: row.versionText,
        }),
      );
    } else if (cov.supportedBy.length === 0) {
      findings.push(
        policyFinding({
          rule: "latest-release-not-covered",
          severity: "high",
          title: `The latest release ${latest.version.version} is not covered by any supported row`,
          message: `No row of the Supported Versions table (line ${table.line}) covers ${latest.version.version} (tag ${latest.tag}), so the policy promises no security fixes for the newest release.`,
          remediation: `Add a row such as "| ${releaseLine(latest.version)}.x | :white_check_mark: |".`,
          location: at(table.line),
          key: releaseLine(latest.version),
        }),
      );
    }
  }

  // Rows that contradict each other: one release both supported and unsupported.
  const contradictions = new Map<
    string,
    { supported: string; unsupported: string; line: number; version?: string }
  >();
  for (const release of releases) {
    const cov = coverage(table, release.version, latest?.version);
    if (cov.supportedBy.length === 0 || cov.unsupportedBy.length === 0) continue;
    const s = cov.supportedBy[0]!;
    const u = cov.unsupportedBy[0]!;
    const key = `${s.line}:${u.line}`;
    if (!contradictions.has(key)) {
      contradictions.set(key, {
        supported: s.versionText,
        unsupported: u.versionText,
        line: Math.max(s.line, u.line),
        version: release.version.version,
      });
    }
  }
  // Without a release in the overlap, the ranges themselves still show the contradiction.
  for (const s of table.rows) {
    for (const u of table.rows) {
      if (s.status !== "supported" || u.status !== "unsupported") continue;
      if (s.spec.kind !== "range" || u.spec.kind !== "range") continue;
      const key = `${s.line}:${u.line}`;
      if (contradictions.has(key) || !semver.intersects(s.spec.range, u.spec.range, { loose: true }))
        continue;
      contradictions.set(key, {
        supported: s.versionText,
        unsupported: u.versionText,
        line: Math.max(s.line, u.line),
      });
    }
  }
  for (const c of contradictions.values()) {
    findings.push(
      policyFinding({
        rule: "contradicting-rows",
        severity: "medium",
        title: `Rows "${c.supported}" and "${c.unsupported}" contradict each other`,
        message: c.version
          ? `Release ${c.version} is marked supported by "${c.supported}" and unsupported by "${c.unsupported}".`
          : `"${c.supported}" (supported) and "${c.unsupported}" (unsupported) cover some of the same versions.`,
        remediation: "Make the ranges of supported and unsupported rows disjoint.",
        location: at(c.line),
        key: `${c.supported}|${c.unsupported}`,
      }),
    );
  }

  if (releases.length > 0) {
    for (const row of table.rows) {
      if (row.status !== "supported" || row.spec.kind !== "range") continue;
      const matches = releases.some((r) =>
        semver.satisfies(r.version, row.spec.kind === "range" ? row.spec.range : "*", {
          includePrerelease: true,
        }),
      );
      if (!matches) {
        findings.push(
          policyFinding({
            rule: "supported-row-without-release",
            severity: "low",
            title: `Supported row "${row.versionText}" matches no release`,
            message: `No tag or release of this repository falls under "${row.versionText}" (line ${row.line}); the policy promises fixes for versions that do not exist.`,
            remediation: "Remove the row, or fix the version range so it names real releases.",
            location: at(row.line),
            key: row.versionText,
          }),
        );
      }
    }

    // Stale table: a release line newer than every version the table mentions.
    const mentioned = table.rows.flatMap((r) => (r.spec.kind === "range" ? r.spec.mentions : []));
    // A row that already reaches the latest release (">= 1.4", "latest") keeps the table current.
    const reachesLatest =
      latest !== undefined && table.rows.some((r) => specCovers(r.spec, latest.version, latest.version));
    if (latest && mentioned.length > 0 && !reachesLatest) {
      const newestMentioned = mentioned.reduce((a, b) => (semver.gt(a, b) ? a : b));
      const latestLine = releaseLine(latest.version);
      const newestLine = releaseLine(newestMentioned);
      const newer =
        latest.version.major > newestMentioned.major ||
        (latest.version.major === 0 &&
          newestMentioned.major === 0 &&
          latest.version.minor > newestMentioned.minor);
      if (newer && latestLine !== newestLine) {
        findings.push(
          policyFinding({
            rule: "stale-table",
            severity: "medium",
            title: `The table stops at ${newestLine}.x but ${latest.version.version} has been released`,
            message: `The newest line the Supported Versions table (line ${table.line}) knows is ${newestLine}.x; release line ${latestLine}.x exists (tag ${latest.tag}).`,
            remediation: `Add a row for ${latestLine}.x and decide whether ${newestLine}.x is still supported.`,
            location: at(table.line),
            key: latestLine,
          }),
        );
      }
    }
  }

  if (manifest) {
    const built = semver.parse(manifest.version, { loose: true }) ?? semver.coerce(manifest.version);
    if (built) {
      const cov = coverage(table, built, latest?.version ?? built);
      if (cov.supportedBy.length === 0) {
        findings.push(
          policyFinding({
            rule: "built-version-unsupported",
            severity: "high",
            title: `The version being built, ${manifest.version}, is not supported by the policy`,
            message: `${manifest.file} declares ${manifest.version}, which ${cov.unsupportedBy.length > 0 ? `row "${cov.unsupportedBy[0]!.versionText}" marks unsupported` : "no supported row covers"}.`,
            remediation: `Update the Supported Versions table in ${policyPath} to cover ${releaseLine(built)}.x.`,
            location: { path: manifest.file, ...(manifest.line ? { startLine: manifest.line } : {}) },
            key: releaseLine(built),
          }),
        );
      }
    }
  }
  return findings;
}
