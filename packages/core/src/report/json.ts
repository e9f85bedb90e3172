// The JSON report: a stable, documented shape for scripts (version 1). Keys come in a fixed order and
// free-form properties are key-sorted, so the same scan always gives byte-identical text.
import { SEVERITIES, type Finding, type Severity } from "../finding.js";
import type { EvaluatedFinding, FindingStatus, GateResult, ScanProblem, ScanResult } from "../report.js";
import { compareText, sortForReport } from "./order.js";

export const JSON_REPORT_VERSION = 1;

export interface JsonReportFinding {
  tool: string;
  ruleId: string;
  severity: Severity;
  status: FindingStatus;
  statusReason?: string;
  blocking: boolean;
  title: string;
  message: string;
  score?: number;
  location?: { path: string; startLine?: number; endLine?: number; startColumn?: number; endColumn?: number };
  fingerprint: string;
  ids?: string[];
  aliases?: string[];
  package?: { name: string; version?: string; ecosystem?: string; purl?: string };
  remediation?: string;
  evidence?: string;
  helpUri?: string;
  properties?: Record<string, unknown>;
}

export interface JsonReportCounts {
  total: number;
  new: number;
  baseline: number;
  ignored: number;
  blocking: number;
  bySeverity: Record<Severity, { new: number; baseline: number; ignored: number }>;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: string;
  toolVersion: string;
  verdict: "pass" | "fail";
  failed: boolean;
  failOn: GateResult["failOn"];
  reasons: string[];
  notices: string[];
  problems: ScanProblem[];
  counts: JsonReportCounts;
  stats: Record<string, number>;
  /** Most severe first, then new, baseline, ignored; then tool, path, line, rule. */
  findings: JsonReportFinding[];
  /** Findings the change under review removes (new-only on pull requests), in report order. */
  fixed?: JsonReportFixedFinding[];
}

/** A finding that is gone after the change: no gate status. */
export type JsonReportFixedFinding = Omit<JsonReportFinding, "status" | "statusReason" | "blocking">;

/** Copies a JSON-like value with object keys sorted, dropping undefined and non-JSON values. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v) ?? null);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareText)) {
      const v = canonical((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  return undefined;
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function jsonFinding(f: EvaluatedFinding): JsonReportFinding {
  return defined({
    tool: f.tool,
    ruleId: f.ruleId,
    severity: f.severity,
    status: f.status,
    statusReason: f.statusReason,
    blocking: f.blocking,
    title: f.title,
    message: f.message,
    score: f.score,
    location: f.location
      ? defined({
          path: f.location.path,
          startLine: f.location.startLine,
          endLine: f.location.endLine,
          startColumn: f.location.startColumn,
          endColumn: f.location.endColumn,
        })
      : undefined,
    fingerprint: f.fingerprint,
    ids: f.ids ? [...f.ids] : undefined,
    aliases: f.aliases ? [...f.aliases] : undefined,
    package: f.package
      ? defined({
          name: f.package.name,
          version: f.package.version,
          ecosystem: f.package.ecosystem,
          purl: f.package.purl,
        })
      : undefined,
    remediation: f.remediation,
    evidence: f.evidence,
    helpUri: f.helpUri,
    properties: f.properties ? (canonical(f.properties) as Record<string, unknown>) : undefined,
  });
}

function fixedFinding(f: Finding): JsonReportFixedFinding {
  const {
    status: _s,
    statusReason: _r,
    blocking: _b,
    ...rest
  } = jsonFinding({
    ...f,
    status: "new",
    blocking: false,
  });
  return rest;
}

function jsonProblem(p: ScanProblem): ScanProblem {
  return defined({ level: p.level, message: p.message, path: p.path, line: p.line });
}

export function countFindings(findings: readonly EvaluatedFinding[]): JsonReportCounts {
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, { new: 0, baseline: 0, ignored: 0 }]),
  ) as JsonReportCounts["bySeverity"];
  const counts: JsonReportCounts = { total: 0, new: 0, baseline: 0, ignored: 0, blocking: 0, bySeverity };
  for (const f of findings) {
    counts.total++;
    counts[f.status]++;
    bySeverity[f.severity][f.status]++;
    if (f.blocking) counts.blocking++;
  }
  return counts;
}

export function toJsonReport(scan: ScanResult, gate: GateResult): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    tool: scan.tool,
    toolVersion: scan.toolVersion,
    verdict: gate.failed ? "fail" : "pass",
    failed: gate.failed,
    failOn: gate.failOn,
    reasons: [...gate.reasons],
    notices: [...gate.notices],
    problems: scan.problems.map(jsonProblem),
    counts: countFindings(gate.findings),
    stats: canonical(scan.stats ?? {}) as Record<string, number>,
    findings: sortForReport(gate.findings).map(jsonFinding),
    ...(scan.fixed !== undefined ? { fixed: scan.fixed.map(fixedFinding) } : {}),
  };
}

/** One report is written as an object, several (one per tool) as an array; two-space indent, final newline. */
export function formatJsonReport(reports: readonly JsonReport[]): string {
  return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
}
