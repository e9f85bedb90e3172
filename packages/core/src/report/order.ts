// One deterministic order for findings in every report: most severe first, then new before
// baseline before ignored, then by location and rule, so the same scan always renders the same bytes.
import type { EvaluatedFinding } from "../report.js";
import { severityRank } from "../severity.js";

const STATUS_RANK = { new: 0, baseline: 1, ignored: 2 } as const;

export function compareForReport(a: EvaluatedFinding, b: EvaluatedFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    (a.location?.path ?? "").localeCompare(b.location?.path ?? "") ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}

export function sortForReport(findings: readonly EvaluatedFinding[]): EvaluatedFinding[] {
  return [...findings].sort(compareForReport);
}
