// Annotations on files. The runner displays at most 10 of each level per step, so send the most severe
// first, cap each level, and say how many were left out.
import type { EvaluatedFinding, GateResult, ScanProblem } from "../report.js";
import { clip } from "./escape-markdown.js";
import { sortForReport } from "./order.js";

export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

export interface AnnotationOptions {
  /** Cap per level (default 10, what the runner displays). */
  perLevel?: number;
  /** Scan problems that name a file are annotated first (before findings of the same level). */
  problems?: readonly ScanProblem[];
}

export interface AnnotationsOutput {
  annotations: Annotation[];
  /** How many were left out in all, and per level. */
  omitted: number;
  omittedByLevel: Record<AnnotationLevel, number>;
  /** A sentence for the log when some were left out, else undefined. */
  note?: string;
}

/** Blocking findings are errors, other new findings of medium and above warnings, the rest notices. */
export function annotationLevel(f: EvaluatedFinding): AnnotationLevel {
  if (f.blocking) return "error";
  if (f.status === "new" && (f.severity === "critical" || f.severity === "high" || f.severity === "medium"))
    return "warning";
  return "notice";
}

function withLocation(
  a: Omit<Annotation, "file" | "startLine" | "endLine">,
  file?: string,
  startLine?: number,
  endLine?: number,
): Annotation {
  return {
    ...a,
    ...(file ? { file } : {}),
    ...(file && startLine && startLine >= 1 ? { startLine } : {}),
    ...(file && startLine && endLine && endLine >= startLine ? { endLine } : {}),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The first paragraph that is not a heading: advisories often start with "# Summary". */
function lead(markdown: string): string {
  const paragraphs = markdown.split(/\r?\n\s*\r?\n/).map((p) => p.trim());
  return paragraphs.find((p) => p !== "" && !p.startsWith("#")) ?? "";
}

function findingAnnotation(f: EvaluatedFinding): Annotation {
  const status = f.status === "new" ? "" : ` (${f.status})`;
  const ids = [...new Set([...(f.ids ?? []), ...(f.aliases ?? [])])];
  // Short enough to read inline; the summary and SARIF carry the full text.
  const message = [
    clip(lead(f.message), 600),
    f.remediation ? `Fix: ${clip(oneLine(f.remediation), 300)}` : "",
    ids.length ? clip(ids.join(", "), 200) : "",
  ]
    .filter(Boolean)
    .join("\n");
  return withLocation(
    {
      level: annotationLevel(f),
      title: clip(oneLine(`${f.severity}${status}: ${f.title || f.ruleId}`), 200),
      message: clip(message || f.title || f.ruleId, 4000),
    },
    f.location?.path,
    f.location?.startLine,
    f.location?.endLine,
  );
}

function problemAnnotation(p: ScanProblem): Annotation {
  return withLocation(
    { level: p.level, title: "Not checked", message: clip(p.message || "unknown problem", 4000) },
    p.path,
    p.line,
  );
}

export function toAnnotations(gate: GateResult, options: AnnotationOptions = {}): AnnotationsOutput {
  const perLevel = options.perLevel ?? ANNOTATIONS_PER_LEVEL;
  // Problems without a file are in the summary and the failure message; an annotation adds nothing.
  const candidates = [
    ...(options.problems ?? []).filter((p) => p.path).map(problemAnnotation),
    ...sortForReport(gate.findings.filter((f) => f.status !== "ignored")).map(findingAnnotation),
  ];
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const omittedByLevel: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  for (const a of candidates) {
    if (used[a.level] >= perLevel) {
      omittedByLevel[a.level]++;
      continue;
    }
    used[a.level]++;
    annotations.push(a);
  }
  const order: Record<AnnotationLevel, number> = { error: 0, warning: 1, notice: 2 };
  annotations.sort((a, b) => order[a.level] - order[b.level]);
  const omitted = omittedByLevel.error + omittedByLevel.warning + omittedByLevel.notice;
  const parts = (["error", "warning", "notice"] as const)
    .filter((l) => omittedByLevel[l] > 0)
    .map((l) => `${omittedByLevel[l]} ${l}${omittedByLevel[l] === 1 ? "" : "s"}`);
  return {
    annotations,
    omitted,
    omittedByLevel,
    ...(omitted > 0
      ? {
          note: `${parts.join(", ")} not annotated (the runner shows ${perLevel} per level); see the job summary.`,
        }
      : {}),
  };
}
