// One sticky pull-request comment per action, found again by a hidden marker and updated in place.
// Shorter than the job summary: the verdict, what is new, what could not be checked, and a link.
import { SEVERITIES } from "../finding.js";
import type { EvaluatedFinding, GateResult, ScanResult } from "../report.js";
import { byteLength, clipBytes, fitLines } from "./byte-budget.js";
import { escapeMarkdownCell } from "./escape-markdown.js";
import { countFindings } from "./json.js";
import {
  findingIds,
  findingLocation,
  incomplete,
  problemLine,
  reasonLines,
  severityCell,
} from "./markdown.js";
import { sortForReport } from "./order.js";

/** GitHub rejects comment bodies longer than this many characters. */
export const MAX_COMMENT_CHARS = 65_536;
/** Rows in the comment's table; the rest are in the job summary. */
export const PR_COMMENT_MAX_ROWS = 50;
const MAX_PROBLEMS = 10;
/** Room for the engine's part of the comment. */
const MAX_ENGINE_BYTES = 4_000;

/** The hidden first line that identifies this action's comment on a pull request. */
export function commentMarker(tool: string): string {
  return `<!-- bulwark:${tool.replace(/[^A-Za-z0-9._-]/g, "")} -->`;
}

export interface PrCommentOptions {
  /** Link to the workflow run (its job summary has everything). */
  detailsUrl?: string;
  maxRows?: number;
  /** Character limit (default MAX_COMMENT_CHARS). */
  maxChars?: number;
}

function row(f: EvaluatedFinding): string {
  const where = findingLocation(f);
  return `| ${severityCell(f.severity)}${f.blocking ? " **blocking**" : ""} | ${escapeMarkdownCell(f.title || f.ruleId, 200)} | ${where} | ${findingIds(f)} | ${escapeMarkdownCell(f.remediation ?? "", 200)} |`;
}

/** Only http(s) URLs, with characters that would end a Markdown link target encoded. */
function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return undefined;
  }
}

export function toPrComment(
  scan: ScanResult,
  gate: GateResult,
  options: PrCommentOptions | string = {},
): string {
  const opts: PrCommentOptions = typeof options === "string" ? { detailsUrl: options } : options;
  const maxChars = opts.maxChars ?? MAX_COMMENT_CHARS;
  const marker = commentMarker(scan.tool);
  const counts = countFindings(gate.findings);
  const newFindings = sortForReport(gate.findings.filter((f) => f.status === "new"));
  const newBySeverity = SEVERITIES.filter((s) => counts.bySeverity[s].new > 0)
    .map((s) => `${counts.bySeverity[s].new} ${s}`)
    .join(", ");

  const head = [
    marker,
    `### ${gate.failed ? "❌" : incomplete(scan) ? "⚠️" : "✅"} bulwark ${escapeMarkdownCell(scan.tool)}: ${gate.failed ? "failed" : incomplete(scan) ? "passed, but incomplete" : "passed"}`,
    "",
    ...(gate.reasons.length ? [...reasonLines(gate, 5), ""] : []),
    `**${counts.new} new** finding${counts.new === 1 ? "" : "s"}${newBySeverity ? ` (${newBySeverity})` : ""}; ` +
      `${counts.baseline} in baseline, ${counts.ignored} ignored.`,
    "",
  ];

  // The engine's own lines (osv-scan: the upgrades that fix the most), capped so the table still fits.
  const engine = scan.commentMarkdown?.trim()
    ? [clipBytes(scan.commentMarkdown.trim(), MAX_ENGINE_BYTES), ""]
    : [];

  const problems: string[] = [];
  if (scan.problems.length > 0) {
    const shown = scan.problems.slice(0, MAX_PROBLEMS).map(problemLine);
    if (scan.problems.length > MAX_PROBLEMS)
      shown.push(`- … and ${scan.problems.length - MAX_PROBLEMS} more in the job summary`);
    problems.push(`**Not checked** (${scan.problems.length}):`, "", ...shown, "");
  }

  const link = opts.detailsUrl ? safeLink(opts.detailsUrl) : undefined;
  const footer = [
    ...(gate.notices.length
      ? [`_${gate.notices.length} notice${gate.notices.length === 1 ? "" : "s"} in the job summary._`]
      : []),
    ...(link ? [`[Full report](${link})`] : []),
  ];

  const table: string[] = [];
  if (newFindings.length > 0) {
    const maxRows = opts.maxRows ?? PR_COMMENT_MAX_ROWS;
    const rows = newFindings.slice(0, maxRows).map(row);
    const more = (n: number) => `\n_${n} more new findings are in the job summary._`;
    // UTF-8 bytes are never fewer than UTF-16 characters, so a byte budget keeps the character limit.
    const fixed = byteLength([...head, ...engine, ...problems, ...footer].join("\n")) + 200;
    const fitted = fitLines(rows, Math.max(0, maxChars - fixed), (n) =>
      more(n + newFindings.length - rows.length),
    );
    const lines =
      fitted.omitted === 0 && newFindings.length > rows.length
        ? [...fitted.lines, more(newFindings.length - rows.length)]
        : fitted.lines;
    if (fitted.omitted === rows.length) table.push(lines[lines.length - 1]!.trim(), "");
    else
      table.push(
        "| severity | finding | location | ids | fix |",
        "| --- | --- | --- | --- | --- |",
        ...lines,
        "",
      );
  }

  const text = [...head, ...engine, ...problems, ...table, ...footer].join("\n").replace(/\n*$/, "\n");
  return clipBytes(text, maxChars);
}
