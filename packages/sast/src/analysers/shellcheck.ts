// ShellCheck: json1 output; `# shellcheck disable=SCxxxx` is honoured by ShellCheck itself.
import type { Severity } from "@bulwark/core";
import type { Analyser, RawFinding } from "../analyser.js";
import { execTool } from "../exec-tool.js";
import { findExecutable } from "../find-executable.js";
import { versionOf } from "../version-of.js";
import { checkRun, parseToolJson } from "./output-json.js";

interface ShellCheckComment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

const SEVERITY: Record<string, Severity> = { error: "medium", warning: "low", info: "info", style: "info" };

export function shellcheckFindings(report: { comments?: ShellCheckComment[] }): RawFinding[] {
  return (report.comments ?? []).map((c) => ({
    tool: "shellcheck",
    ruleId: `SC${c.code}`,
    title: c.message,
    message: c.message,
    severity: SEVERITY[c.level] ?? "low",
    path: c.file.replace(/^\.\//, ""),
    line: c.line,
    ...(c.endLine > c.line ? { endLine: c.endLine } : {}),
    column: c.column,
    ...(c.endLine === c.line && c.endColumn > c.column ? { endColumn: c.endColumn } : {}),
    helpUri: `https://www.shellcheck.net/wiki/SC${c.code}`,
    properties: { level: c.level },
  }));
}

export const shellcheck: Analyser = {
  name: "shellcheck",
  aptPackage: "shellcheck",
  install: "`sudo apt-get install -y shellcheck`",
  informationUri: "https://www.shellcheck.net/",
  languages: ["shell"],
  optional: false,
  locate: (env) => findExecutable("shellcheck", env.PATH),
  version: (exe, env, timeoutMs) => versionOf(exe, ["--version"], env, timeoutMs, /version:\s*(\S+)/),
  async run({ root, files, executable, timeoutMs, env }) {
    // Exit code 1 means "comments found".
    const run = await execTool(executable, ["-f", "json1", "--", ...files], { cwd: root, timeoutMs, env });
    checkRun("shellcheck", run, [0, 1]);
    return { findings: shellcheckFindings(parseToolJson("shellcheck", run) as never), problems: [] };
  },
};
