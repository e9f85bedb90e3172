// The job summary: verdict, counts, a findings table most severe first, problems and notices.
import { SEVERITIES } from "../finding.js";
import type { EvaluatedFinding, GateResult, ScanResult } from "../report.js";
import { escapeMarkdownCell } from "./escape-markdown.js";
import { sortForReport } from "./order.js";

/** GitHub refuses step summaries over 1 MiB; leave room for other steps' text. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

const ICON: Record<string, string> = { critical: "🟥", high: "🟧", medium: "🟨", low: "🟦", info: "⬜" };

export interface MarkdownOptions {
  /** Byte budget for the whole text. */
  limitBytes?: number;
  /** Heading level of the title (2 for the job summary, 3 inside a combined report). */
  headingLevel?: number;
  /** Which findings get table rows: every finding, or only new ones (PR comments). */
  rows?: "all" | "new";
  /** Extra engine Markdown to include. */
  includeEngineSummary?: boolean;
}

function where(f: EvaluatedFinding): string {
  if (!f.location) return "";
  return escapeMarkdownCell(`${f.location.path}${f.location.startLine ? `:${f.location.startLine}` : ""}`);
}

function row(f: EvaluatedFinding): string {
  const ids = [...new Set([...(f.ids ?? []), ...(f.aliases ?? [])])].slice(0, 4).join(", ");
  const status =
    f.status === "new"
      ? ""
      : ` _(${f.status}${f.statusReason ? `: ${escapeMarkdownCell(f.statusReason, 80)}` : ""})_`;
  return `| ${ICON[f.severity]} ${f.severity} | ${escapeMarkdownCell(f.title)}${status} | ${where(f)} | ${escapeMarkdownCell(ids || f.ruleId, 120)} | ${escapeMarkdownCell(f.remediation ?? "")} |`;
}

export function verdictLine(scan: ScanResult, gate: GateResult): string {
  const mark = gate.failed ? "❌" : "✅";
  return `${mark} **${escapeMarkdownCell(scan.tool)}** ${gate.failed ? "failed" : "passed"}${gate.reasons.length ? `: ${gate.reasons.map((r) => escapeMarkdownCell(r, 500)).join("; ")}` : ""}`;
}

export function toMarkdown(scan: ScanResult, gate: GateResult, options: MarkdownOptions = {}): string {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const h = "#".repeat(options.headingLevel ?? 2);
  const findings = sortForReport(gate.findings);
  const head: string[] = [
    `${h} ${escapeMarkdownCell(scan.tool)} ${escapeMarkdownCell(scan.toolVersion)}`,
    "",
    verdictLine(scan, gate),
    "",
  ];

  const counts = SEVERITIES.map((s) => {
    const of = findings.filter((f) => f.severity === s);
    return `| ${ICON[s]} ${s} | ${of.filter((f) => f.status === "new").length} | ${of.filter((f) => f.status === "baseline").length} | ${of.filter((f) => f.status === "ignored").length} |`;
  });
  head.push("| severity | new | baseline | ignored |", "| --- | ---: | ---: | ---: |", ...counts, "");

  const tail: string[] = [];
  if (scan.problems.length > 0) {
    tail.push(
      `${h}# Not checked`,
      "",
      "These parts of the scan did not complete; their findings are unknown:",
      "",
    );
    for (const p of scan.problems) {
      const at = p.path ? `\`${escapeMarkdownCell(p.path)}${p.line ? `:${p.line}` : ""}\`: ` : "";
      tail.push(`- **${p.level}** ${at}${escapeMarkdownCell(p.message, 1000)}`);
    }
    tail.push("");
  }
  if (gate.notices.length > 0) {
    tail.push(`${h}# Notices`, "", ...gate.notices.map((n) => `- ${escapeMarkdownCell(n, 1000)}`), "");
  }
  if (options.includeEngineSummary !== false && scan.summaryMarkdown)
    tail.push(scan.summaryMarkdown.trim(), "");

  const rows = (options.rows === "new" ? findings.filter((f) => f.status === "new") : findings).map(row);
  const tableHead = ["| severity | finding | location | ids | fix |", "| --- | --- | --- | --- | --- |"];
  const fixed = Buffer.byteLength([...head, ...tableHead, ...tail].join("\n"), "utf8") + 200;
  let budget = limit - fixed;
  const kept: string[] = [];
  for (const r of rows) {
    const size = Buffer.byteLength(r, "utf8") + 1;
    if (size > budget) break;
    kept.push(r);
    budget -= size;
  }
  const body: string[] = [];
  if (rows.length > 0) {
    body.push(...tableHead, ...kept, "");
    if (kept.length < rows.length) {
      body.push(
        `_${rows.length - kept.length} more findings are not shown here (size limit); see the SARIF or JSON report._`,
        "",
      );
    }
  } else {
    body.push(options.rows === "new" ? "No new findings." : "No findings.", "");
  }
  return [...head, ...body, ...tail].join("\n");
}
