// The job summary: verdict and why, counts by severity and status, problems (never hidden), a findings
// table most severe first, notices and the engine's own Markdown, within GitHub's size limit.
import { SEVERITIES, type Severity } from "../finding.js";
import type { EvaluatedFinding, GateResult, ScanProblem, ScanResult } from "../report.js";
import { byteLength, clipBytes, fitLines } from "./byte-budget.js";
import { escapeMarkdownCell } from "./escape-markdown.js";
import { countFindings } from "./json.js";
import { sortForReport } from "./order.js";

/** GitHub refuses step summaries over 1 MiB. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;
/** What one report may use: the limit less room for other steps' text in the same job. */
export const SUMMARY_LIMIT_BYTES = STEP_SUMMARY_MAX_BYTES - 16 * 1024;

export const SEVERITY_ICON: Record<Severity, string> = {
  critical: "🟥",
  high: "🟧",
  medium: "🟨",
  low: "🟦",
  info: "⬜",
};

export interface MarkdownOptions {
  /** Byte budget for the whole text (default SUMMARY_LIMIT_BYTES). */
  limitBytes?: number;
  /** Heading level of the title (2 for the job summary, 3 inside a combined report). */
  headingLevel?: number;
  /** Which findings get table rows: every finding (default), or only new ones. */
  rows?: "all" | "new";
  /** Include the engine's summaryMarkdown (default true). */
  includeEngineSummary?: boolean;
}

export function findingLocation(f: EvaluatedFinding): string {
  if (f.location?.path) {
    const line = f.location.startLine ? `:${f.location.startLine}` : "";
    return escapeMarkdownCell(`${f.location.path}${line}`, 200);
  }
  if (f.package) {
    const version = f.package.version ? `@${f.package.version}` : "";
    const eco = f.package.ecosystem ? ` (${f.package.ecosystem})` : "";
    return escapeMarkdownCell(`${f.package.name}${version}${eco}`, 200);
  }
  return "";
}

export function findingIds(f: EvaluatedFinding): string {
  const ids = [...new Set([...(f.ids ?? []), ...(f.aliases ?? [])])];
  if (ids.length === 0) return escapeMarkdownCell(f.ruleId, 120);
  const shown = ids.slice(0, 4).join(", ");
  return escapeMarkdownCell(ids.length > 4 ? `${shown} +${ids.length - 4}` : shown, 160);
}

function statusCell(f: EvaluatedFinding): string {
  if (f.status === "new") return f.blocking ? "**new, blocking**" : "new";
  // An ignore's reason is worth reading; "in baseline" only repeats the status.
  const reason =
    f.status === "ignored" && f.statusReason ? `: ${escapeMarkdownCell(f.statusReason, 120)}` : "";
  return `${f.status}${reason}`;
}

export function severityCell(severity: Severity): string {
  return `${SEVERITY_ICON[severity]} ${severity}`;
}

function tableRow(f: EvaluatedFinding): string {
  return `| ${severityCell(f.severity)} | ${statusCell(f)} | ${escapeMarkdownCell(f.title || f.ruleId)} | ${findingLocation(f)} | ${findingIds(f)} | ${escapeMarkdownCell(f.remediation ?? "")} |`;
}

export function verdictLine(scan: ScanResult, gate: GateResult): string {
  const tool = escapeMarkdownCell(scan.tool);
  if (gate.failed) return `❌ **${tool}** failed`;
  // fail-open let scan errors through: a pass, but never one that reads as a clean scan.
  return incomplete(scan) ? `⚠️ **${tool}** passed, but incomplete` : `✅ **${tool}** passed`;
}

/** True when scan errors left parts of the scan undone. */
export function incomplete(scan: ScanResult): boolean {
  return scan.problems.some((p) => p.level === "error");
}

const MAX_REASONS = 20;

/** The reasons as a list, capped: a scan with hundreds of problems has as many reasons. */
export function reasonLines(gate: GateResult, max = MAX_REASONS): string[] {
  const lines = gate.reasons.slice(0, max).map((r) => `- ${escapeMarkdownCell(r, 500)}`);
  if (gate.reasons.length > max) lines.push(`- … and ${gate.reasons.length - max} more`);
  return lines;
}

export function problemLine(p: ScanProblem): string {
  const line = p.line ? `:${p.line}` : "";
  const at = p.path ? `${escapeMarkdownCell(`${p.path}${line}`, 200)}: ` : "";
  return `- **${p.level}** ${at}${escapeMarkdownCell(p.message, 1000)}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Cuts the engine's Markdown at a line boundary, outside any code fence it opened. */
function clipMarkdown(markdown: string, budget: number, note: string): string {
  if (byteLength(markdown) <= budget) return markdown;
  const out: string[] = [];
  let used = byteLength(note) + 8;
  let inFence = false;
  for (const line of markdown.split("\n")) {
    const size = byteLength(line) + 1;
    if (used + size > budget) break;
    out.push(line);
    used += size;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
  }
  if (inFence) out.push("```");
  return [...out, "", note].join("\n");
}

export function toMarkdown(scan: ScanResult, gate: GateResult, options: MarkdownOptions = {}): string {
  const limit = options.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const h = "#".repeat(options.headingLevel ?? 2);
  const findings = sortForReport(gate.findings);
  const counts = countFindings(findings);

  const head: string[] = [
    `${h} ${escapeMarkdownCell(scan.tool)} ${escapeMarkdownCell(scan.toolVersion, 60)}`,
    "",
    `${verdictLine(scan, gate)}${gate.reasons.length ? ":" : ""}`,
    ...(gate.reasons.length ? ["", ...reasonLines(gate)] : []),
    "",
    `Fails on: **${gate.failOn}** and above${gate.failOn === "none" ? " (never fails on findings)" : ""}. ` +
      `${plural(counts.new, "new finding")} (${plural(counts.blocking, "blocking", "blocking")}), ${counts.baseline} in baseline, ${counts.ignored} ignored.`,
    "",
    "| severity | new | baseline | ignored |",
    "| --- | ---: | ---: | ---: |",
    ...SEVERITIES.map((s) => {
      const c = counts.bySeverity[s];
      return `| ${severityCell(s)} | ${c.new} | ${c.baseline} | ${c.ignored} |`;
    }),
    "",
  ];

  // Problems come before the table so they are never pushed out of sight; they may take a quarter.
  const problemPart: string[] = [];
  if (scan.problems.length > 0) {
    const lines = fitLines(
      scan.problems.map(problemLine),
      Math.floor(limit / 4),
      (n) => `- … and ${plural(n, "more problem")}: see the JSON report.`,
    ).lines;
    problemPart.push(
      `${h}# ⚠️ Not checked (${plural(scan.problems.length, "problem")})`,
      "",
      "These parts of the scan did not complete; what they would have found is unknown:",
      "",
      ...lines,
      "",
    );
  }

  const noticePart: string[] = [];
  if (gate.notices.length > 0) {
    const lines = fitLines(
      gate.notices.map((n) => `- ${escapeMarkdownCell(n, 1000)}`),
      Math.floor(limit / 8),
      (n) => `- … and ${plural(n, "more notice")}: see the JSON report.`,
    ).lines;
    noticePart.push(`${h}# Notices`, "", ...lines, "");
  }

  const enginePart: string[] = [];
  if (options.includeEngineSummary !== false && scan.summaryMarkdown?.trim()) {
    enginePart.push(
      clipMarkdown(
        scan.summaryMarkdown.trim(),
        Math.floor(limit / 4),
        "_The rest of this section was left out (size limit)._",
      ),
      "",
    );
  }

  const shown = options.rows === "new" ? findings.filter((f) => f.status === "new") : findings;
  const tablePart: string[] = [];
  if (shown.length === 0) {
    const none = options.rows === "new" ? "No new findings" : "No findings";
    tablePart.push(
      incomplete(scan) ? `${none} in the parts that were checked (see Not checked).` : `${none}.`,
      "",
    );
  } else {
    const fixed = byteLength([...head, ...problemPart, ...noticePart, ...enginePart].join("\n")) + 64;
    const tableHead = [
      "| severity | status | finding | location | ids | fix |",
      "| --- | --- | --- | --- | --- | --- |",
    ];
    const { lines, omitted } = fitLines(
      shown.map(tableRow),
      Math.max(0, limit - fixed - byteLength(tableHead.join("\n")) - 2),
      (n) => `\n_${n} more findings are not shown here (size limit); see the SARIF or JSON report._`,
    );
    if (omitted === shown.length) tablePart.push(lines[lines.length - 1]!.trim(), "");
    else tablePart.push(...tableHead, ...lines, "");
  }

  return clipBytes([...head, ...problemPart, ...tablePart, ...noticePart, ...enginePart].join("\n"), limit);
}
