// One finding per (vulnerability group, package version, lockfile), pointing at the line that declares
// the package, with the upgrade that fixes it and whether the project depends on it directly.
import { fingerprint, type Finding } from "@bulwark/core";
import type { PackageRecord } from "@bulwark/lockfiles";
import { matchToFinding, type PackageMatch } from "@bulwark/osv";

export const TOOL = "osv-scan";

export interface FindingOptions {
  /** True when the lockfile holds several versions of this package: the version joins the fingerprint. */
  severalVersions?: boolean;
}

export function dependencyFinding(
  match: PackageMatch,
  record: PackageRecord,
  options: FindingOptions = {},
): Finding {
  const finding = matchToFinding(match, { tool: TOOL, path: record.file });
  const { name } = record;
  const via = record.direct === false && record.parents?.length ? record.parents[0] : undefined;
  const how =
    record.direct === true
      ? "direct dependency"
      : record.direct === false
        ? `transitive dependency${via ? `, via ${via}` : ""}`
        : undefined;
  const remediation =
    match.fixedVersion !== undefined
      ? `Upgrade ${name} to ${match.fixedVersion}${record.direct === false ? ` (a transitive dependency: upgrade ${via ?? "the package that requires it"} or override ${name})` : ""}.`
      : (finding.remediation ?? `No fix available for ${name}.`);
  finding.remediation = remediation;
  finding.message = [
    `${name}@${record.version ?? "?"} in ${record.file}${how ? ` (${how})` : ""} is affected by ${match.id}${match.aliases.length > 0 ? ` (${match.aliases.join(", ")})` : ""}.`,
    match.summary,
    remediation,
  ]
    .filter(Boolean)
    .join("\n\n");
  finding.location = { path: record.file, ...(record.line !== undefined ? { startLine: record.line } : {}) };
  if (record.purl) finding.package = { ...finding.package!, purl: record.purl };
  if (options.severalVersions) {
    finding.fingerprint = fingerprint(TOOL, record.file, record.ecosystem, name, record.version, match.id);
  }
  finding.properties = {
    ...finding.properties,
    ...(record.direct !== undefined ? { direct: record.direct } : {}),
    ...(record.scopes ? { scopes: record.scopes } : {}),
    ...(record.parents?.length ? { parents: record.parents } : {}),
  };
  return finding;
}
