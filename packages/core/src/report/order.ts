// One deterministic order for findings in every report: most severe first, then new before
// baseline before ignored, then by tool, location and rule, so the same scan always renders the same
// bytes whatever order the engine produced them in.
import type { EvaluatedFinding } from "../report.js";
import { severityRank } from "../severity.js";

const STATUS_RANK = { new: 0, baseline: 1, ignored: 2 } as const;

/** Code-unit order: unlike localeCompare it does not depend on the machine's locale or ICU data. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareForReport(a: EvaluatedFinding, b: EvaluatedFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    Number(b.blocking) - Number(a.blocking) ||
    compareText(a.tool, b.tool) ||
    compareText(a.location?.path ?? "", b.location?.path ?? "") ||
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint) ||
    compareText(a.title, b.title)
  );
}

/** A sorted copy; the input is left as it was. */
export function sortForReport(findings: readonly EvaluatedFinding[]): EvaluatedFinding[] {
  return [...findings].sort(compareForReport);
}
