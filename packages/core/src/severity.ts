// Ordering, thresholds and CVSS mapping for the shared severity scale.
import { SEVERITIES, type Severity } from "./finding.js";

/** A gate threshold: a severity, or "none" for a gate that never fails on findings. */
export type SeverityThreshold = Severity | "none";

export const SEVERITY_THRESHOLDS = ["critical", "high", "medium", "low", "info", "none"] as const;

/** The values users are told about; "info" is accepted too but is rarely what anyone means. */
export const DOCUMENTED_THRESHOLDS = ["critical", "high", "medium", "low", "none"] as const;

/** Higher is more severe: critical 4 ... info 0. */
export function severityRank(sev: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(sev);
}

/** Negative when a is less severe than b, so `sort(compareSeverity)` puts info first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

/** Most severe first; a comparator for lists of findings by severity. */
export function bySeverityDesc(a: { severity: Severity }, b: { severity: Severity }): number {
  return compareSeverity(b.severity, a.severity);
}

/** True when `sev` meets the threshold. Nothing meets "none". */
export function atOrAbove(sev: Severity, threshold: SeverityThreshold): boolean {
  if (threshold === "none") return false;
  return severityRank(sev) >= severityRank(threshold);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Parses a threshold, case-insensitively; throws naming the accepted values. */
export function parseThreshold(value: string, what = "threshold"): SeverityThreshold {
  const v = value.trim().toLowerCase();
  if (v === "none" || isSeverity(v)) return v;
  throw new Error(`${what} must be one of ${DOCUMENTED_THRESHOLDS.join(", ")} (got "${value}")`);
}

/** CVSS base score (0-10) to qualitative severity, per the CVSS v3/v4 rating scale. */
export function severityFromCvss(score: number): Severity {
  if (!Number.isFinite(score) || score < 0 || score > 10) {
    throw new RangeError(`CVSS score must be between 0 and 10 (got ${score})`);
  }
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}

/** The most severe of a list, or undefined for an empty list. */
export function maxSeverity(severities: Iterable<Severity>): Severity | undefined {
  let best: Severity | undefined;
  for (const s of severities) if (best === undefined || severityRank(s) > severityRank(best)) best = s;
  return best;
}

// Labels used by advisory sources (GitHub "moderate", Red Hat "important", Debian "unimportant",
// Ubuntu "negligible") mapped onto our scale.
const LABELS = new Map<string, Severity>(
  Object.entries({
    critical: "critical",
    high: "high",
    important: "high",
    medium: "medium",
    moderate: "medium",
    low: "low",
    minor: "low",
    info: "info",
    informational: "info",
    negligible: "info",
    unimportant: "info",
    none: "info",
  } satisfies Record<string, Severity>),
);

/** Maps a source's severity label (case-insensitive) to ours; undefined for unknown or "untriaged". */
export function severityFromLabel(label: string): Severity | undefined {
  return LABELS.get(label.trim().toLowerCase());
}
