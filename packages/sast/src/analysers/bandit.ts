// Bandit (Python): JSON report; `# nosec` is honoured by Bandit itself.
import type { Severity } from "@bulwark/core";
import type { Analyser, RawFinding } from "../analyser.js";
import { normaliseCwe } from "../cwe.js";
import { execTool } from "../exec-tool.js";
import { findExecutable } from "../find-executable.js";
import { versionOf } from "../version-of.js";
import { checkRun, parseToolJson } from "./output-json.js";

interface BanditResult {
  filename: string;
  line_number: number;
  line_range?: number[];
  col_offset?: number;
  issue_severity: string;
  issue_confidence: string;
  issue_text: string;
  issue_cwe?: { id?: number; link?: string };
  more_info?: string;
  test_id: string;
  test_name: string;
}

interface BanditReport {
  results?: BanditResult[];
  errors?: { filename: string; reason: string }[];
}

const SEVERITY: Record<string, Severity> = { HIGH: "high", MEDIUM: "medium", LOW: "low" };

export function banditFindings(report: BanditReport): RawFinding[] {
  return (report.results ?? []).map((r) => {
    const cwe = r.issue_cwe?.id ? normaliseCwe(r.issue_cwe.id) : undefined;
    const end = r.line_range && r.line_range.length > 0 ? Math.max(...r.line_range) : r.line_number;
    return {
      tool: "bandit",
      ruleId: r.test_id,
      title: r.issue_text,
      message: `${r.issue_text} (${r.test_name}, confidence ${r.issue_confidence.toLowerCase()})`,
      severity: SEVERITY[r.issue_severity.toUpperCase()] ?? "medium",
      path: r.filename.replace(/^\.\//, ""),
      line: r.line_number,
      ...(end > r.line_number ? { endLine: end } : {}),
      ...(r.col_offset !== undefined ? { column: r.col_offset + 1 } : {}),
      ...(cwe ? { cwes: [cwe] } : {}),
      ...(r.more_info ? { helpUri: r.more_info } : {}),
      properties: { confidence: r.issue_confidence.toLowerCase() },
    };
  });
}

export const bandit: Analyser = {
  name: "bandit",
  aptPackage: "bandit",
  install: "`sudo apt-get install -y bandit` or `pipx install bandit`",
  informationUri: "https://bandit.readthedocs.io/",
  languages: ["python"],
  optional: false,
  locate: (env) => findExecutable("bandit", env.PATH),
  version: (exe, env, timeoutMs) => versionOf(exe, ["--version"], env, timeoutMs),
  async run({ root, files, executable, timeoutMs, env }) {
    // Exit code 1 means "issues found".
    const run = await execTool(executable, ["-f", "json", "-q", "--", ...files], {
      cwd: root,
      timeoutMs,
      env,
    });
    checkRun("bandit", run, [0, 1]);
    const report = parseToolJson("bandit", run) as BanditReport;
    return {
      findings: banditFindings(report),
      problems: (report.errors ?? []).map((e) => ({
        level: "error" as const,
        path: e.filename.replace(/^\.\//, ""),
        message: `bandit could not scan ${e.filename}: ${e.reason}`,
      })),
    };
  },
};
