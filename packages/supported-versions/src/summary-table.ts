// "The table as it should read now": one row per release line, newest first, supported as the policy
// says today, so maintainers can paste it back into SECURITY.md.
import semver from "semver";
import type { SupportTable } from "@bulwark/security-policy";
import { latestRelease, releaseLine, type Release } from "./releases/releases.js";
import { coverage } from "./checks/support-evaluation.js";

export interface LineStatus {
  line: string;
  newest: string;
  supported: boolean;
}

export function lineStatuses(
  table: SupportTable | undefined,
  releases: readonly Release[],
  includePrereleases = false,
): LineStatus[] {
  const latest = latestRelease(releases, includePrereleases);
  const lines = new Map<string, Release>();
  for (const r of releases) {
    if (r.prerelease) continue;
    const key = releaseLine(r.version);
    const seen = lines.get(key);
    if (!seen || semver.gt(r.version, seen.version)) lines.set(key, r);
  }
  return [...lines.entries()]
    .sort((a, b) => semver.rcompare(a[1].version, b[1].version))
    .map(([line, newest]) => {
      const cov = table ? coverage(table, newest.version, latest?.version) : undefined;
      // The latest line is always shown as supported: a policy that drops it is what the checks flag.
      const supported =
        newest === latest ||
        (cov !== undefined && cov.supportedBy.length > 0 && cov.unsupportedBy.length === 0);
      return { line, newest: newest.version.version, supported };
    });
}

export function summaryMarkdown(statuses: readonly LineStatus[], policyPath: string | undefined): string {
  if (statuses.length === 0) {
    // Say so rather than show nothing: an empty summary reads like a pass.
    return [
      "### Supported Versions as they should read now",
      "",
      "No final release was found (no matching tag or hosted release), so there is no table to derive.",
      "",
    ].join("\n");
  }
  const rows = statuses.map(
    (s) => `| ${s.line}.x | ${s.supported ? ":white_check_mark:" : ":x:"} | ${s.newest} |`,
  );
  return [
    "### Supported Versions as they should read now",
    "",
    `From the repository's releases${policyPath ? ` and ${policyPath}` : ""}; the newest line is always supported.`,
    "",
    "```markdown",
    "| Version | Supported | Latest release |",
    "| ------- | --------- | -------------- |",
    ...rows,
    "```",
    "",
  ].join("\n");
}
