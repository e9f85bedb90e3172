// Annotations on files: the runner shows at most 10 of each level per step, so send the most severe
// and say how many were left out.
import type { GateResult } from "../report.js";
import { sortForReport } from "./order.js";

export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: "error" | "warning" | "notice";
  title: string;
  message: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

export function toAnnotations(
  gate: GateResult,
  perLevel = ANNOTATIONS_PER_LEVEL,
): { annotations: Annotation[]; omitted: number } {
  const annotations: Annotation[] = [];
  const used = { error: 0, warning: 0, notice: 0 };
  let omitted = 0;
  for (const f of sortForReport(gate.findings)) {
    if (f.status === "ignored") continue;
    const level: Annotation["level"] = f.blocking
      ? "error"
      : f.status === "new" && f.severity !== "info" && f.severity !== "low"
        ? "warning"
        : "notice";
    if (used[level] >= perLevel) {
      omitted++;
      continue;
    }
    used[level]++;
    annotations.push({
      level,
      title: `${f.severity}: ${f.title}`.slice(0, 200),
      message: [f.message, f.remediation ? `Fix: ${f.remediation}` : ""]
        .filter(Boolean)
        .join("\n")
        .slice(0, 4000),
      ...(f.location ? { file: f.location.path } : {}),
      ...(f.location?.startLine ? { startLine: f.location.startLine } : {}),
      ...(f.location?.endLine ? { endLine: f.location.endLine } : {}),
    });
  }
  return { annotations, omitted };
}
