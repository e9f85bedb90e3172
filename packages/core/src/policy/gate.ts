// The policy gate: decides which findings block, and says why in plain sentences.
import type { Finding, Severity } from "../finding.js";
import type { EvaluatedFinding, GateResult, ScanProblem, ScanResult } from "../report.js";
import { SEVERITIES } from "../finding.js";
import { atOrAbove, type SeverityThreshold } from "../severity.js";
import {
  describeIgnore,
  ignoreMatcher,
  isIgnoreExpired,
  parseIsoDate,
  validateIgnoreRules,
} from "./ignore.js";
import type { IgnoreRule } from "./ignore.js";

export interface GatePolicy {
  /** Findings at or above this severity block; "none" never blocks on findings. */
  failOn: SeverityThreshold;
  ignores?: readonly IgnoreRule[];
  /** Fingerprints accepted earlier: matching findings are reported as "baseline" and never block. */
  baseline?: ReadonlySet<string>;
  /** Report everything, never fail. */
  reportOnly?: boolean;
  /** Let scan problems of level "error" pass as notices instead of failing closed. Default false. */
  failOpen?: boolean;
  /** Add a notice for every unexpired ignore that matched no finding. Default false (shared ignores
   * in config defaults rarely match in every action). */
  reportUnusedIgnores?: boolean;
  /** Warn this many days before an ignore expires. Default 14; 0 turns it off. */
  expiryWarningDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function problemWhere(p: ScanProblem): string {
  if (p.path === undefined) return "";
  return p.line === undefined ? `${p.path}: ` : `${p.path}:${p.line}: `;
}

function severityBreakdown(findings: readonly Finding[]): string {
  const counts = SEVERITIES.map(
    (s: Severity) => [s, findings.filter((f) => f.severity === s).length] as const,
  );
  return counts
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
}

/**
 * Evaluates a scan against a policy at time `now` (passed in so expiry is testable and consistent across
 * one run). Throws ConfigError when an ignore rule is invalid (no reason, bad date).
 */
export function evaluateGate(scan: ScanResult, policy: GatePolicy, now: Date): GateResult {
  // The user's ignores come first, so their reason wins when both match; then the engine's own.
  const ignores = [...(policy.ignores ?? []), ...(scan.ignores ?? [])];
  validateIgnoreRules(ignores);
  const baseline = policy.baseline ?? new Set<string>();
  const preexisting = new Set(scan.preexisting?.fingerprints ?? []);
  const notices: string[] = [];

  const rules = ignores.map((rule) => ({
    rule,
    matches: ignoreMatcher(rule),
    expired: isIgnoreExpired(rule, now),
    hits: 0,
    revived: 0,
  }));

  const findings: EvaluatedFinding[] = scan.findings.map((finding) => {
    let ignoredBy: (typeof rules)[number] | undefined;
    const expiredMatches: (typeof rules)[number][] = [];
    for (const r of rules) {
      if (!r.matches(finding)) continue;
      r.hits++;
      if (r.expired) expiredMatches.push(r);
      else ignoredBy ??= r;
    }
    // An expired ignore only "revives" findings no other ignore still covers.
    if (ignoredBy === undefined) for (const r of expiredMatches) r.revived++;
    if (ignoredBy !== undefined) {
      return { ...finding, status: "ignored", statusReason: ignoredBy.rule.reason, blocking: false };
    }
    if (baseline.has(finding.fingerprint)) {
      return { ...finding, status: "baseline", statusReason: "in baseline", blocking: false };
    }
    if (preexisting.has(finding.fingerprint)) {
      return { ...finding, status: "baseline", statusReason: scan.preexisting!.reason, blocking: false };
    }
    const blocking =
      !policy.reportOnly && (atOrAbove(finding.severity, policy.failOn) || finding.blockReason !== undefined);
    return { ...finding, status: "new", blocking };
  });

  const warnDays = policy.expiryWarningDays ?? 14;
  for (const r of rules) {
    const name = describeIgnore(r.rule);
    if (r.expired) {
      const matched =
        r.revived > 0
          ? `; ${plural(r.revived, "finding")} it matched ${r.revived === 1 ? "is" : "are"} reported again`
          : "";
      notices.push(
        `Ignore ${name} expired on ${r.rule.until} and no longer applies (reason was: ${r.rule.reason})${matched}`,
      );
      continue;
    }
    if (r.rule.until !== undefined && warnDays > 0) {
      const end = parseIsoDate(r.rule.until);
      const daysLeft =
        end === undefined ? Infinity : Math.ceil((end.getTime() + DAY_MS - now.getTime()) / DAY_MS);
      if (daysLeft <= warnDays) {
        notices.push(`Ignore ${name} expires on ${r.rule.until} (${plural(daysLeft, "day")} left)`);
      }
    }
    if (policy.reportUnusedIgnores && r.hits === 0) {
      notices.push(`Ignore ${name} matched no findings; remove it if it is no longer needed`);
    }
  }

  // Reasons the check fails, or would fail without report-only.
  const failures: string[] = [];
  const atThreshold = findings.filter((f) => f.status === "new" && atOrAbove(f.severity, policy.failOn));
  if (atThreshold.length > 0) {
    failures.push(
      `${plural(atThreshold.length, "new finding")} at or above ${policy.failOn} (${severityBreakdown(atThreshold)})`,
    );
  }

  // Rules that block whatever the severity (e.g. an SLA breach), for the findings the threshold let through.
  const byBlockReason = new Map<string, number>();
  for (const f of findings) {
    if (f.status !== "new" || f.blockReason === undefined || atOrAbove(f.severity, policy.failOn)) continue;
    byBlockReason.set(f.blockReason, (byBlockReason.get(f.blockReason) ?? 0) + 1);
  }
  for (const [reason, n] of byBlockReason)
    failures.push(
      `${plural(n, "new finding")} ${n === 1 ? "fails" : "fail"} on ${n === 1 ? "its" : "their"} own: ${reason}`,
    );

  const errors = scan.problems.filter((p) => p.level === "error");
  if (errors.length > 0) {
    const details = errors.map((p) => `Not checked: ${problemWhere(p)}${p.message}`);
    if (policy.failOpen) {
      notices.push(
        `fail-open is on: ${plural(errors.length, "scan error")} did not fail the check, so parts were not checked`,
        ...details,
      );
    } else {
      failures.push(
        `Failing closed: ${plural(errors.length, "scan error")} ${errors.length === 1 ? "means" : "mean"} parts of the scan did not run ` +
          `(set fail-open to report them as notices instead)`,
        ...details,
      );
    }
  }

  const newCount = findings.filter((f) => f.status === "new").length;
  const baselined = findings.filter((f) => f.status === "baseline").length;
  const ignored = findings.filter((f) => f.status === "ignored").length;
  const summaryParts = [
    newCount - atThreshold.length > 0
      ? `${newCount - atThreshold.length} ${policy.failOn === "none" ? "new" : "below threshold"}`
      : "",
    baselined > 0 ? `${baselined} in baseline` : "",
    ignored > 0 ? `${ignored} ignored` : "",
  ].filter((s) => s !== "");
  const passSummary =
    (policy.failOn === "none"
      ? "fail-on is none: findings do not fail this check"
      : `No new findings at or above ${policy.failOn}`) +
    (summaryParts.length > 0 ? ` (${summaryParts.join(", ")})` : "");

  let reasons: string[];
  let failed: boolean;
  if (policy.reportOnly) {
    failed = false;
    notices.unshift("report-only is on: this check reports findings but never fails");
    reasons =
      failures.length > 0 ? failures.map((r) => `Would fail without report-only: ${r}`) : [passSummary];
  } else {
    failed = failures.length > 0;
    reasons = failed ? failures : [passSummary];
  }

  return { findings, failed, reasons, notices, failOn: policy.failOn };
}
