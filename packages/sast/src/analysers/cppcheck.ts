// cppcheck (C/C++): XML version 2 report; `// cppcheck-suppress <id>` is honoured (--inline-suppr).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { ScanProblem, Severity } from "@bulwark/core";
import { XMLParser } from "fast-xml-parser";
import { ToolFailure, type Analyser, type RawFinding } from "../analyser.js";
import { normaliseCwe } from "../cwe.js";
import { execTool } from "../exec-tool.js";
import { findExecutable } from "../find-executable.js";
import { versionOf } from "../version-of.js";
import { checkRun } from "./output-json.js";

/** The checks a security scan wants: real defects and portability traps, not style. */
export const CPPCHECK_ARGS = [
  "--xml",
  "--xml-version=2",
  "--enable=warning,portability",
  "--inline-suppr",
  "-q",
];

const SEVERITY: Record<string, Severity> = {
  error: "high",
  warning: "medium",
  portability: "low",
  performance: "low",
  style: "low",
  information: "info",
};

/** Messages about cppcheck itself, not about the code. */
const TOOL_MESSAGES = new Set([
  "syntaxError",
  "internalError",
  "internalAstError",
  "cppcheckError",
  "preprocessorErrorDirective",
  "unknownMacro",
]);

interface CppcheckLocation {
  file: string;
  line: string;
  column?: string;
}

interface CppcheckError {
  id: string;
  severity: string;
  msg: string;
  verbose?: string;
  cwe?: string;
  location?: CppcheckLocation[];
}

export function cppcheckFindings(xml: string): { findings: RawFinding[]; problems: ScanProblem[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => name === "error" || name === "location",
  });
  const doc = parser.parse(xml) as { results?: { errors?: { error?: CppcheckError[] } | "" } };
  if (!doc.results) throw new ToolFailure("cppcheck did not write an XML report");
  const errors = (typeof doc.results.errors === "object" ? doc.results.errors.error : undefined) ?? [];
  const findings: RawFinding[] = [];
  const problems: ScanProblem[] = [];
  for (const e of errors) {
    const where = e.location?.[0];
    if (TOOL_MESSAGES.has(e.id)) {
      problems.push({
        level: "error",
        message: `cppcheck could not analyse ${where?.file ?? "a file"}: ${e.msg} (${e.id})`,
        ...(where ? { path: where.file, line: Number(where.line) } : {}),
      });
      continue;
    }
    // Messages without a place are about the run (missing includes, checkers report), not the code.
    if (!where) continue;
    const cwe = e.cwe ? normaliseCwe(e.cwe) : undefined;
    const column = Number(where.column);
    findings.push({
      tool: "cppcheck",
      ruleId: e.id,
      title: e.msg,
      message: e.verbose ?? e.msg,
      severity: SEVERITY[e.severity] ?? "medium",
      path: where.file.replace(/^\.\//, ""),
      line: Number(where.line),
      ...(column > 0 ? { column } : {}),
      ...(cwe ? { cwes: [cwe] } : {}),
      ...(cwe ? { helpUri: `https://cwe.mitre.org/data/definitions/${cwe.slice(4)}.html` } : {}),
      properties: { category: e.severity },
    });
  }
  return { findings, problems };
}

export const cppcheck: Analyser = {
  name: "cppcheck",
  aptPackage: "cppcheck",
  install: "`sudo apt-get install -y cppcheck`",
  informationUri: "https://cppcheck.sourceforge.io/",
  languages: ["c"],
  optional: false,
  nolint: true,
  locate: (env) => findExecutable("cppcheck", env.PATH),
  version: (exe, env, timeoutMs) => versionOf(exe, ["--version"], env, timeoutMs),
  async run({ root, files, executable, timeoutMs, env, tempDir }) {
    const dir = await mkdtemp(join(tempDir, "cppcheck-"));
    try {
      const output = join(dir, "report.xml");
      const run = await execTool(
        executable,
        [...CPPCHECK_ARGS, `--output-file=${output}`, ...files.map(dashSafe)],
        {
          cwd: root,
          timeoutMs,
          env,
        },
      );
      checkRun("cppcheck", run, [0]);
      let xml: string;
      try {
        xml = await readFile(output, "utf8");
      } catch {
        throw new ToolFailure("cppcheck wrote no report");
      }
      return cppcheckFindings(xml);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/** cppcheck has no `--`: a file named like an option is passed as ./name. */
function dashSafe(file: string): string {
  return file.startsWith("-") ? `./${file}` : file;
}
