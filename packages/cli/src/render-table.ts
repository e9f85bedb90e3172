// The human-readable terminal report: one block per check, a row per finding, the verdict last.
import type { GateResult, ScanResult } from "@bulwark/core";

export interface TableOptions {
  color: boolean;
  /** Terminal width to fit rows into. */
  width: number;
}

const SEVERITY_COLOR: Record<string, string> = {
  critical: "\x1b[1;31m",
  high: "\x1b[31m",
  medium: "\x1b[33m",
  low: "\x1b[36m",
  info: "\x1b[2m",
};
const RESET = "\x1b[0m";

function paint(text: string, code: string | undefined, options: TableOptions): string {
  return options.color && code ? `${code}${text}${RESET}` : text;
}

function clip(text: string, width: number): string {
  // Keep leading indentation; fold inner runs of whitespace (newlines from advisories) to one space.
  const indent = /^\s*/.exec(text)![0];
  const single = indent + text.slice(indent.length).replace(/\s+/g, " ").trimEnd();
  return single.length <= width ? single : `${single.slice(0, Math.max(0, width - 1))}…`;
}

/** Control characters from scanned content must not reach the terminal as escape sequences. */
function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\x9b]/g, "?");
}

export function renderTable(scan: ScanResult, gate: GateResult, options: TableOptions): string {
  const lines: string[] = [];
  lines.push(paint(`${scan.tool} ${scan.toolVersion}`, "\x1b[1m", options));
  const shown = gate.findings.filter((f) => f.status !== "ignored");
  if (shown.length === 0) lines.push("  no findings");
  for (const finding of shown) {
    const severity = finding.severity.toUpperCase().padEnd(8);
    const where = finding.location
      ? `${finding.location.path}${finding.location.startLine ? `:${finding.location.startLine}` : ""}`
      : "";
    const status = finding.status === "baseline" ? " (baseline)" : "";
    const head = `  ${paint(severity, SEVERITY_COLOR[finding.severity], options)} ${sanitize(finding.title)}${status}`;
    lines.push(clip(head, options.width + (options.color ? 12 : 0)));
    const detail = [finding.ruleId, where].filter(Boolean).join("  ");
    lines.push(`           ${clip(sanitize(detail), options.width - 11)}`);
    if (finding.remediation)
      lines.push(`           → ${clip(sanitize(finding.remediation), options.width - 13)}`);
  }
  const ignored = gate.findings.length - shown.length;
  if (ignored > 0) lines.push(`  ${ignored} ignored by policy`);
  for (const problem of scan.problems) {
    const where = problem.path ? `${problem.path}${problem.line ? `:${problem.line}` : ""}: ` : "";
    lines.push(`  ${problem.level}: ${sanitize(where + problem.message)}`);
  }
  for (const notice of gate.notices) lines.push(`  notice: ${sanitize(notice)}`);
  const verdict = gate.failed ? paint("FAIL", "\x1b[1;31m", options) : paint("PASS", "\x1b[1;32m", options);
  lines.push(`  ${verdict}${gate.reasons.length ? `: ${gate.reasons.join("; ")}` : ""}`);
  return `${lines.join("\n")}\n`;
}
