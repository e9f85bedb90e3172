// The one finding model every engine produces and every reporter consumes.

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where a finding points. Paths are relative to the scanned root, with forward slashes. */
export interface Location {
  path: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export interface Finding {
  /** The engine or analyser that produced it: "supported-versions", "osv-scan", "bandit", ... */
  tool: string;
  /** Stable rule identifier within the tool, e.g. "policy/latest-release-unsupported" or "GHSA-xxxx". */
  ruleId: string;
  /** One line a person reads first. */
  title: string;
  /** Longer explanation (Markdown allowed). */
  message: string;
  severity: Severity;
  /** Numeric score where one exists (CVSS base score, 0-10). */
  score?: number;
  location?: Location;
  /** Stable across runs and unrelated edits: used by baselines, SARIF partialFingerprints and dedupe. */
  fingerprint: string;
  /** Identifiers of what was found (vulnerability ids, CWE ids) and their aliases. */
  ids?: string[];
  aliases?: string[];
  /** What to do about it. */
  remediation?: string;
  /** Evidence safe to show: already redacted by the engine that produced it. */
  evidence?: string;
  /** Package the finding is about, where there is one (dependency and container scans). */
  package?: { name: string; version?: string; ecosystem?: string; purl?: string };
  /** Help link. */
  helpUri?: string;
  /** Short labels a person should see with the finding (e.g. "sla-breached"); SARIF result properties carry them. */
  labels?: string[];
  /**
   * Set when the finding breaks a rule that fails the gate whatever its severity (e.g. "SLA breached",
   * with fail-on-sla-breach): a new finding carrying it blocks, and the gate's reason names it.
   */
  blockReason?: string;
  /**
   * The SARIF run this finding belongs to when the scan lists toolRuns keyed by something other than the
   * tool (container-scan: one run per image). Default: `tool`.
   */
  runKey?: string;
  /** Free-form extra data for reporters (e.g. CWE list, layer digest); must not contain secrets. */
  properties?: Record<string, unknown>;
}
