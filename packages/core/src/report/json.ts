// The JSON report: a stable, documented shape for scripts (version 1).
import type { GateResult, ScanResult } from "../report.js";
import { sortForReport } from "./order.js";

export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: string;
  toolVersion: string;
  failed: boolean;
  failOn: string;
  reasons: string[];
  notices: string[];
  problems: ScanResult["problems"];
  counts: { total: number; new: number; baseline: number; ignored: number; blocking: number };
  stats: Record<string, number>;
  findings: GateResult["findings"];
}

export function toJsonReport(scan: ScanResult, gate: GateResult): JsonReport {
  const findings = sortForReport(gate.findings);
  return {
    version: JSON_REPORT_VERSION,
    tool: scan.tool,
    toolVersion: scan.toolVersion,
    failed: gate.failed,
    failOn: gate.failOn,
    reasons: gate.reasons,
    notices: gate.notices,
    problems: scan.problems,
    counts: {
      total: findings.length,
      new: findings.filter((f) => f.status === "new").length,
      baseline: findings.filter((f) => f.status === "baseline").length,
      ignored: findings.filter((f) => f.status === "ignored").length,
      blocking: findings.filter((f) => f.blocking).length,
    },
    stats: scan.stats ?? {},
    findings,
  };
}

export function formatJsonReport(reports: readonly JsonReport[]): string {
  return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
}
