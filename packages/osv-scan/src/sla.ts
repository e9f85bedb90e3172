// SLA from SECURITY.md: the policy's time to patch per severity (its disclosure / time-to-patch table)
// against how long ago each vulnerability was published. A finding past its deadline is "SLA breached"
// (title, message, labels, properties) and, with fail-on-sla-breach, fails the gate whatever its severity.
import type { Finding, ScanProblem, Severity } from "@bulwark/core";
import { findPolicy, parsePolicy, type PolicySeverity } from "@bulwark/security-policy";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SlaPolicy {
  /** Where the timeline was read, e.g. "SECURITY.md" (relative to the workspace). */
  file: string;
  /** Days allowed per severity, with the line that says so and which column the days came from. */
  bySeverity: Partial<Record<PolicySeverity, { days: number; line: number; from: "patch" | "disclosure" }>>;
}

/** What a finding's properties.sla holds. */
export interface SlaStatus {
  days: number;
  /** When the clock started: the vulnerability's first publication. */
  published: string;
  /** Last moment within the SLA (ISO). */
  deadline: string;
  breached: boolean;
  /** Whole days past the deadline (0 when not breached). */
  overdueDays: number;
  /** "SECURITY.md:127". */
  policy: string;
}

export const SLA_LABEL = "sla-breached";

/**
 * Reads the repository's security policy (root, .github/, docs/) and keeps its timeline by severity.
 * Time to patch counts; a severity with only a disclosure deadline uses that. None: no SLA.
 */
export async function readSlaPolicy(
  workspace: string,
): Promise<{ policy?: SlaPolicy; problems: ScanProblem[] }> {
  let found;
  try {
    found = await findPolicy(workspace);
  } catch (error) {
    return { problems: [{ level: "warning", message: `sla: ${(error as Error).message}` }] };
  }
  if (!found) return { problems: [] };
  const timeline = parsePolicy(found.content, found.path).disclosureTimeline;
  const bySeverity: SlaPolicy["bySeverity"] = {};
  for (const entry of timeline) {
    const days = entry.patchDays ?? entry.disclosureDays;
    if (days === undefined) continue;
    bySeverity[entry.severity] = {
      days,
      line: entry.line,
      from: entry.patchDays !== undefined ? "patch" : "disclosure",
    };
  }
  if (Object.keys(bySeverity).length === 0) return { problems: [] };
  return { policy: { file: found.path, bySeverity }, problems: [] };
}

function policySeverity(severity: Severity): PolicySeverity | undefined {
  return severity === "info" ? undefined : severity;
}

export interface SlaOptions {
  now: Date;
  /** Make breached findings fail the gate on their own. */
  failOnBreach: boolean;
}

/** Marks each finding with its SLA status; returns how many are breached. */
export function applySla(findings: Finding[], policy: SlaPolicy, options: SlaOptions): number {
  let breached = 0;
  for (const finding of findings) {
    const severity = policySeverity(finding.severity);
    const rule = severity ? policy.bySeverity[severity] : undefined;
    const published = finding.properties?.published;
    if (!rule || typeof published !== "string") continue;
    const start = Date.parse(published);
    if (Number.isNaN(start)) continue;
    const deadline = start + rule.days * DAY_MS;
    const late = options.now.getTime() > deadline;
    const where = `${policy.file}:${rule.line}`;
    const status: SlaStatus = {
      days: rule.days,
      published,
      deadline: new Date(deadline).toISOString(),
      breached: late,
      overdueDays: late ? Math.floor((options.now.getTime() - deadline) / DAY_MS) : 0,
      policy: where,
    };
    finding.properties = { ...finding.properties, sla: status };
    if (!late) continue;
    breached++;
    const allowed = `${rule.days} day${rule.days === 1 ? "" : "s"}${rule.from === "disclosure" ? " (its disclosure deadline)" : ""}`;
    const sentence = `SLA breached: published ${published.slice(0, 10)}, and ${where} allows ${allowed} to patch ${finding.severity} vulnerabilities (due ${status.deadline.slice(0, 10)}, ${status.overdueDays} day${status.overdueDays === 1 ? "" : "s"} ago).`;
    finding.title = `${finding.title} (SLA breached)`;
    finding.message = `${finding.message}\n\n${sentence}`;
    finding.labels = [...(finding.labels ?? []), SLA_LABEL];
    if (options.failOnBreach) {
      finding.blockReason = `SLA breached (published longer ago than ${policy.file} allows to patch its severity; fail-on-sla-breach)`;
    }
  }
  return breached;
}
