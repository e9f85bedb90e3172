// What an action's scan hands to the policy gate and the reporters.
import type { Finding, Severity } from "./finding.js";
import type { IgnoreRule } from "./policy/ignore.js";

/** A finding after the policy gate has looked at it. */
export type FindingStatus = "new" | "baseline" | "ignored";

export interface EvaluatedFinding extends Finding {
  status: FindingStatus;
  /** Why it is ignored or was let through (the ignore's reason, "in baseline"). */
  statusReason?: string;
  /** True when this finding on its own makes the gate fail. */
  blocking: boolean;
}

/**
 * Something the scan could not do: a file that failed to parse, a tool that crashed, a database that
 * could not be reached. Problems are always reported and never read as "no findings".
 */
export interface ScanProblem {
  message: string;
  path?: string;
  line?: number;
  /** "error" problems mean part of the scan did not happen; the gate fails closed on them unless fail-open. */
  level: "error" | "warning" | "notice";
  /** The wrapped tool the problem is about (see ScanResult.toolRuns): its SARIF run carries it. */
  tool?: string;
  /** The SARIF run it belongs to when toolRuns are keyed by something other than the tool (see Finding.runKey). */
  runKey?: string;
}

/** A tool a wrapper engine ran (sast: one per analyser), for SARIF's one run per tool. */
export interface ScanToolRun {
  /**
   * Matches Finding.tool of the tool's findings and ScanProblem.tool of its problems (or their runKey,
   * which wins when set). Also the run's category suffix.
   */
  tool: string;
  /** The SARIF driver name when it differs from `tool` (e.g. one run per image, all by one scanner). */
  name?: string;
  version?: string;
  informationUri?: string;
}

/** What an engine returns: findings plus everything a person needs to trust them. */
export interface ScanResult {
  /** The action or engine name: "supported-versions", "osv-scan", ... */
  tool: string;
  toolVersion: string;
  findings: Finding[];
  problems: ScanProblem[];
  /** Extra Markdown for the job summary that only this engine knows how to write. */
  summaryMarkdown?: string;
  /** A few lines of engine Markdown for the pull request comment (e.g. the upgrades that fix the most); keep it short. */
  commentMarkdown?: string;
  /** Counters worth showing (files scanned, packages, rules...). */
  stats?: Record<string, number>;
  /** Action outputs only this engine has (e.g. `vulnerable-packages`), set besides the common ones. */
  outputs?: Record<string, string>;
  /**
   * Ignores the engine read from the project's own tool config (e.g. osv-scanner.toml); the gate applies
   * them after the policy's ignores, with the same expiry notices.
   */
  ignores?: IgnoreRule[];
  /**
   * Findings that were already there before the change under review (new-only on pull requests: the
   * same finding on the base branch). The gate reports them as "baseline" with this reason; they never block.
   */
  preexisting?: { fingerprints: readonly string[]; reason: string };
  /** Findings the change under review removes (new-only): listed as fixed in the JSON report. */
  fixed?: Finding[];
  /**
   * Tools that ran to completion inside this scan. When set, the SARIF reporter writes one run per tool
   * (category `<category>/<tool>`) holding the findings whose `tool` matches; the scan's own run keeps the
   * rest and the untagged problems, and is left out when it has neither. Leave a tool that failed out:
   * an empty run would tell code scanning its earlier alerts are fixed.
   */
  toolRuns?: ScanToolRun[];
  /** Secrets to register with the runner's log masking before anything about findings is written; never serialised. */
  secretsForMasking?: string[];
}

/** The gate's verdict over a ScanResult. */
export interface GateResult {
  findings: EvaluatedFinding[];
  failed: boolean;
  /** Plain sentences, e.g. "2 new findings at or above high". */
  reasons: string[];
  /** Notices the user must see, e.g. "ignore for CVE-2024-1 expired on 2026-01-01 and no longer applies". */
  notices: string[];
  failOn: Severity | "none";
}
