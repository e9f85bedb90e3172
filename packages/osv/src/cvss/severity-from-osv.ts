// An OSV record's severity, from the most precise source it carries:
//   1. the highest score among its CVSS vectors (`severity[]` of the record and of each `affected[]`);
//   2. otherwise the highest label: Ubuntu priorities (`severity[]` of type "Ubuntu"), the record's
//      `database_specific.severity` (GHSA: CRITICAL/HIGH/MODERATE/LOW; Bitnami: Critical/.../None),
//      and each affected entry's `ecosystem_specific.severity` / `database_specific.severity`.
// Scores map to labels by the CVSS v3/v4 qualitative scale: >= 9 critical, >= 7 high, >= 4 medium,
// > 0 low, 0 info.
import type { Severity } from "@bulwark/core";
import { scoreVector } from "./score-vector.js";

/** The parts of an OSV record this reads (structurally compatible with the full record type). */
export interface SeverityInput {
  severity?: { type: string; score: string }[];
  affected?: {
    severity?: { type: string; score: string }[];
    ecosystem_specific?: Record<string, unknown>;
    database_specific?: Record<string, unknown>;
  }[];
  database_specific?: Record<string, unknown>;
}

export interface SeverityVerdict {
  severity: Severity;
  /** The CVSS score the severity came from, when it came from one. */
  score?: number;
  /** Where it came from: "CVSS_V3", "CVSS_V4", "CVSS_V2", "Ubuntu", "database_specific", "ecosystem_specific". */
  source: string;
}

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function severityFromScore(score: number): Severity {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}

const LABELS: Record<string, Severity> = {
  critical: "critical",
  high: "high",
  important: "high",
  moderate: "medium",
  medium: "medium",
  low: "low",
  negligible: "info",
  none: "info",
};

/** A textual severity label, case-insensitively; undefined for "unknown", "untriaged" and the like. */
export function severityFromLabel(label: unknown): Severity | undefined {
  return typeof label === "string" ? LABELS[label.trim().toLowerCase()] : undefined;
}

function scoreOf(type: string, score: string): number | undefined {
  if (!type.startsWith("CVSS_")) return undefined;
  const vector = scoreVector(score);
  if (vector) return vector.baseScore;
  // Some feeds put the numeric score itself in `score`.
  const n = Number(score.trim());
  return score.trim() !== "" && Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
}

export function severityFromOsv(record: SeverityInput): SeverityVerdict | undefined {
  const entries = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
  let best: { score: number; source: string } | undefined;
  for (const e of entries) {
    if (typeof e?.type !== "string" || typeof e.score !== "string") continue;
    const score = scoreOf(e.type, e.score);
    if (score !== undefined && (!best || score > best.score)) best = { score, source: e.type };
  }
  if (best) return { severity: severityFromScore(best.score), score: best.score, source: best.source };

  let label: SeverityVerdict | undefined;
  const consider = (value: unknown, source: string): void => {
    const s = severityFromLabel(value);
    if (s && (!label || RANK[s] > RANK[label.severity])) label = { severity: s, source };
  };
  for (const e of entries) if (e?.type === "Ubuntu") consider(e.score, "Ubuntu");
  consider(record.database_specific?.severity, "database_specific");
  for (const a of record.affected ?? []) {
    consider(a.ecosystem_specific?.severity, "ecosystem_specific");
    consider(a.database_specific?.severity, "database_specific");
  }
  return label;
}
