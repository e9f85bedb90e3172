// A PackageMatch as the shared finding model, for the osv-scan action and the CLI.
import { fingerprint, type Finding, type Severity } from "@bulwark/core";
import type { PackageMatch } from "./match-packages.js";

export interface ToFindingOptions {
  /** Finding.tool; default "osv-scan". */
  tool?: string;
  /** The manifest or lockfile the package came from (relative, forward slashes). */
  path?: string;
  /** Severity for groups whose records carry none (except malicious-package reports); default "medium". */
  unknownSeverity?: Severity;
}

/**
 * Fingerprint parts: tool, path, ecosystem, package name and group id. The version is left out on
 * purpose: bumping a package that is still affected is the same finding, so baselines and ignores hold.
 */
export function matchToFinding(match: PackageMatch, options: ToFindingOptions = {}): Finding {
  const tool = options.tool ?? "osv-scan";
  const { ecosystem, name, version } = match.package;
  // A malicious-package report (MAL-*) means the installed code itself is hostile.
  const malicious = match.ids.some((id) => id.startsWith("MAL-"));
  const severity = match.severity ?? (malicious ? "critical" : (options.unknownSeverity ?? "medium"));
  const at = version !== undefined ? `${name}@${version}` : name;
  const remediation =
    match.fixedVersion !== undefined
      ? `Upgrade ${name} to ${match.fixedVersion} or later.`
      : malicious
        ? `Remove ${name}: it is reported as malicious.`
        : `No fixed version of ${name} is known yet.`;
  const finding: Finding = {
    tool,
    ruleId: match.id,
    title: `${at} (${ecosystem}): ${match.summary ?? match.id}`,
    message: [
      `${at} is affected by ${match.id}${match.aliases.length > 0 ? ` (${match.aliases.join(", ")})` : ""}.`,
      match.summary,
      remediation,
    ]
      .filter(Boolean)
      .join("\n\n"),
    severity,
    fingerprint: fingerprint(tool, options.path, ecosystem, name, match.id),
    ids: [match.id, ...match.aliases],
    aliases: match.aliases,
    remediation,
    package: { name, ecosystem, ...(version !== undefined ? { version } : {}) },
    helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(match.ids[0] ?? match.id)}`,
    properties: {
      osvIds: match.ids,
      ...(match.published !== undefined ? { published: match.published } : {}),
      modified: match.modified,
      ...(match.fixedVersion !== undefined ? { fixedVersion: match.fixedVersion } : {}),
      ...(match.severity === undefined ? { severityUnknown: true } : {}),
    },
  };
  if (match.score !== undefined) finding.score = match.score;
  if (options.path !== undefined) finding.location = { path: options.path };
  return finding;
}
