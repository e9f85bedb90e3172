// The sast engine: detect languages, run the matching analysers in parallel, convert, merge duplicates,
// narrow to the change when asked, and return one ScanResult.
import { availableParallelism, tmpdir } from "node:os";
import { readFile, rm } from "node:fs/promises";
import { relative, resolve } from "node:path";
import {
  SEVERITIES,
  type Finding,
  type ScanProblem,
  type ScanResult,
  type ScanToolRun,
  type Severity,
} from "@bulwark/core";
import { ToolFailure, type Analyser, type RawFinding } from "./analyser.js";
import { ANALYSERS, ANALYSER_NAMES } from "./analysers/index.js";
import { extractCommit, forkPoint } from "./base-snapshot.js";
import { changedLines } from "./changed-lines.js";
import { mergeDuplicates } from "./dedupe.js";
import { ToolStartError } from "./exec-tool.js";
import { excludeMatcher, type ExcludeMatcher } from "./exclude.js";
import { detectSources, type Language } from "./languages.js";
import { aptInstall } from "./install-tools.js";
import { dropNolint } from "./nolint.js";
import { mapBounded } from "./pool.js";
import { importSarif, SarifReadError } from "./sarif-import.js";
import { SourceLines, toFindings } from "./to-findings.js";

export const SAST_VERSION = "0.1.0";
export const SCOPES = ["all", "changed-lines", "new"] as const;
export type Scope = (typeof SCOPES)[number];

export interface SastOptions {
  /** Absolute directory to scan; finding paths are relative to it. */
  root: string;
  /**
   * Paths no analyser looks at, in .gitignore syntax relative to root, added after DEFAULT_EXCLUDES
   * (vendored, built, minified and generated code); `!dist/` brings a default back.
   */
  exclude?: readonly string[];
  /**
   * Install analysers that are missing and packaged for apt (bandit, shellcheck, cppcheck, flawfinder),
   * on Linux as root or with passwordless sudo. Default false.
   */
  installMissing?: boolean;
  /** Semgrep rule sets (`p/python`, a rules file...); default SEMGREP_RULES, the repo's .semgrep.yml, p/default. */
  semgrepRules?: readonly string[];
  /** Analysers to run; default: those for the languages found. */
  tools?: readonly string[];
  /** SARIF logs other steps produced, merged in (absolute paths or relative to root). */
  sarifFiles?: readonly string[];
  scope?: Scope;
  /** Commits the change goes from and to, for changed-lines and new. */
  base?: string;
  head?: string;
  /** Time limit per analyser run. Default 10 minutes. */
  timeoutMs?: number;
  /** Analysers run at once. Default: the number of CPUs, at most 4. */
  concurrency?: number;
  /** Environment for the tools (PATH is where they are looked for). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Executable per analyser name, overriding the PATH lookup. */
  executables?: Readonly<Record<string, string>>;
  tempDir?: string;
  /** Files per tool invocation. Default 400. */
  batchSize?: number;
  progress?(message: string): void;
}

export interface AnalyserReport {
  name: string;
  status: "ran" | "missing" | "failed" | "skipped";
  version?: string;
  files: number;
  findings: number;
  note?: string;
}

export class UnknownToolError extends Error {}

interface ToolsOutcome {
  raw: RawFinding[];
  problems: ScanProblem[];
  reports: AnalyserReport[];
  notices: string[];
  /** Files per language found, for the stats. */
  languages: Record<string, number>;
}

/** Path, line, column, tool, rule: the same input always gives the same order, however tools ran. */
function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) =>
    [
      f.location?.path ?? "",
      String(f.location?.startLine ?? 0).padStart(9, "0"),
      String(f.location?.startColumn ?? 0).padStart(9, "0"),
      f.tool,
      f.ruleId,
      f.fingerprint,
    ].join("\0");
  return findings
    .map((f) => [key(f), f] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, f]) => f);
}

/** Batches of at most `size` files (one empty batch when there are none: gosec works on packages). */
export function fileBatches(files: readonly string[], size: number): string[][] {
  if (files.length === 0) return [[]];
  const out: string[][] = [];
  for (let i = 0; i < files.length; i += size) out.push(files.slice(i, i + size));
  return out;
}

function filesFor(analyser: Analyser, files: Map<Language, string[]>): string[] {
  if (analyser.languages === "any") return [...files.values()].flat().sort();
  return analyser.languages.flatMap((l) => files.get(l) ?? []).sort();
}

async function runAnalysers(
  root: string,
  options: SastOptions,
  exclude: ExcludeMatcher,
  log: (m: string) => void,
): Promise<ToolsOutcome> {
  const env = options.env ?? process.env;
  const detected = await detectSources(root, exclude);
  const explicit =
    options.tools && options.tools.length > 0 ? options.tools.map((t) => t.toLowerCase()) : undefined;
  if (explicit) {
    const unknown = explicit.filter((t) => !ANALYSER_NAMES.includes(t));
    if (unknown.length > 0) {
      throw new UnknownToolError(
        `unknown tool ${unknown.join(", ")}; known tools: ${ANALYSER_NAMES.join(", ")}`,
      );
    }
  }
  const chosen = ANALYSERS.filter((a) =>
    explicit ? explicit.includes(a.name) : filesFor(a, detected.files).length > 0,
  );
  const notices: string[] = [];
  let installFailure: string | undefined;
  if (options.installMissing) {
    const wanted = chosen.filter(
      (a) =>
        a.aptPackage &&
        filesFor(a, detected.files).length > 0 &&
        !options.executables?.[a.name] &&
        !a.locate(env) &&
        (explicit || !a.optional),
    );
    const packages = [...new Set(wanted.map((a) => a.aptPackage!))];
    if (packages.length > 0) {
      log(`Installing ${packages.join(", ")} with apt-get`);
      const outcome = await aptInstall(packages, env, options.timeoutMs ?? 600_000);
      if (outcome.installed.length > 0)
        notices.push(`Installed ${outcome.installed.join(", ")} with apt-get.`);
      installFailure = outcome.failure;
    }
  }
  const outcomes = await mapBounded(
    chosen,
    options.concurrency ?? Math.min(4, availableParallelism()),
    async (analyser) => {
      const files = filesFor(analyser, detected.files);
      const report: AnalyserReport = {
        name: analyser.name,
        status: "skipped",
        files: files.length,
        findings: 0,
      };
      const problems: ScanProblem[] = [];
      if (files.length === 0 && analyser.takesFiles !== false) {
        report.note = "no files for it";
        notices.push(`${analyser.name} was asked for but there are no files for it.`);
        return { raw: [] as RawFinding[], problems, report };
      }
      const executable = options.executables?.[analyser.name] ?? analyser.locate(env);
      if (!executable) {
        report.status = "missing";
        if (analyser.optional && !explicit) {
          notices.push(
            `${analyser.name} is not installed, so it did not run (install it to add its checks${analyser.install ? `: ${analyser.install}` : ""}).`,
          );
        } else {
          problems.push({
            level: "error",
            message: `${analyser.name} is not installed (not found on PATH), so ${files.length} file(s) were not checked by it${installFailure && analyser.aptPackage ? ` (installing failed: ${installFailure})` : ""}${analyser.install ? `; install it with ${analyser.install}` : ""}`,
          });
        }
        return { raw: [] as RawFinding[], problems, report };
      }
      const timeoutMs = options.timeoutMs ?? 600_000;
      // Asked alongside the run, not before it: a version query costs a process start.
      const version = analyser.version(executable, env, timeoutMs).catch(() => "unknown");
      log(`Running ${analyser.name} on ${files.length} file(s)`);
      try {
        // Files go in batches so a large repository never exceeds the system's argument length limit.
        const raw: RawFinding[] = [];
        const batches =
          analyser.takesFiles === false ? [files] : fileBatches(files, options.batchSize ?? 400);
        for (const batch of batches) {
          const out = await analyser.run({
            root,
            files: batch,
            executable,
            timeoutMs,
            tempDir: options.tempDir ?? tmpdir(),
            env,
            ...(options.semgrepRules?.length ? { rulesets: options.semgrepRules } : {}),
          });
          // Tools that read more than they are given (headers, Go packages) may report excluded paths.
          const included = out.findings.filter((f) => !exclude(f.path));
          raw.push(...(analyser.nolint ? await dropNolint(included, new SourceLines(root)) : included));
          problems.push(...out.problems);
        }
        report.status = "ran";
        report.findings = raw.length;
        report.version = await version;
        return { raw, problems, report };
      } catch (err) {
        if (!(err instanceof ToolFailure || err instanceof ToolStartError)) throw err;
        report.status = "failed";
        report.version = await version;
        report.note = err.message;
        problems.push({ level: "error", message: err.message });
        return { raw: [] as RawFinding[], problems, report };
      }
    },
  );
  return {
    raw: outcomes.flatMap((o) => o.raw),
    // Tagged with the analyser, so its SARIF run carries them.
    problems: outcomes.flatMap((o) => o.problems.map((p) => ({ ...p, tool: o.report.name }))),
    reports: outcomes.map((o) => o.report),
    notices,
    languages: Object.fromEntries([...detected.files].map(([language, list]) => [language, list.length])),
  };
}

async function readSarifFiles(
  root: string,
  files: readonly string[],
  exclude: ExcludeMatcher,
): Promise<{ raw: RawFinding[]; problems: ScanProblem[]; reports: AnalyserReport[] }> {
  const raw: RawFinding[] = [];
  const problems: ScanProblem[] = [];
  const reports: AnalyserReport[] = [];
  for (const file of files) {
    const path = resolve(root, file);
    const display = relative(root, path) || file;
    try {
      const runs = importSarif(JSON.parse(await readFile(path, "utf8")), { root });
      for (const run of runs) {
        const kept = run.findings.filter((f) => !exclude(f.path));
        raw.push(...kept);
        reports.push({
          name: run.tool,
          status: "ran",
          ...(run.version ? { version: run.version } : {}),
          files: 0,
          findings: kept.length,
          note: `from ${display}`,
        });
      }
    } catch (err) {
      const why =
        err instanceof SyntaxError
          ? `not JSON: ${err.message}`
          : err instanceof SarifReadError
            ? err.message
            : (err as Error).message;
      problems.push({
        level: "error",
        path: display,
        message: `could not read SARIF file ${display}: ${why}`,
      });
    }
  }
  return { raw, problems, reports };
}

/** Reported findings per tool and severity: the second table of the summary. */
function severityTable(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  const counts = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const row = counts.get(f.tool) ?? { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    row[f.severity]++;
    counts.set(f.tool, row);
  }
  return [
    "",
    `| Tool | ${SEVERITIES.join(" | ")} |`,
    `| --- |${SEVERITIES.map(() => " ---: |").join("")}`,
    ...[...counts]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([tool, row]) => `| ${tool} | ${SEVERITIES.map((s) => row[s]).join(" | ")} |`),
  ];
}

function summary(
  reports: readonly AnalyserReport[],
  scopeNote: string | undefined,
  findings: readonly Finding[],
): string {
  const rows = reports.map(
    (r) =>
      `| ${r.name} | ${r.version ?? ""} | ${r.status} | ${r.files} | ${r.findings} | ${(r.note ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ").slice(0, 200)} |`,
  );
  return [
    "### Analysers",
    "",
    "| Tool | Version | Status | Files | Findings | Note |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
    ...severityTable(findings),
    ...(scopeNote ? ["", scopeNote] : []),
    "",
  ].join("\n");
}

/** Scans `root` with the analysers for its languages; never throws for a tool's failure. */
export async function scanSast(options: SastOptions): Promise<ScanResult> {
  const log = options.progress ?? (() => {});
  const root = resolve(options.root);
  const exclude = excludeMatcher(options.exclude ?? []);
  const tools = await runAnalysers(root, options, exclude, log);
  const imported = await readSarifFiles(root, options.sarifFiles ?? [], exclude);
  const problems = [...tools.problems, ...imported.problems];
  let findings: Finding[] = sortFindings(
    mergeDuplicates(await toFindings([...tools.raw, ...imported.raw], new SourceLines(root))),
  );
  const total = findings.length;
  const scope = options.scope ?? "all";
  let scopeNote: string | undefined;
  let fixed: Finding[] | undefined;
  if (scope !== "all") {
    if (!options.base || !options.head) {
      scopeNote = `Scope ${scope} needs a pull request (base and head commits); every finding is reported.`;
      problems.push({ level: "notice", message: scopeNote });
    } else if (scope === "changed-lines") {
      try {
        const changed = await changedLines(root, options.base, options.head);
        findings = findings.filter((f) => {
          const lines = f.location ? changed.get(f.location.path) : undefined;
          const line = f.location?.startLine;
          return lines !== undefined && line !== undefined && lines.has(line);
        });
        scopeNote = `Scope changed-lines: ${findings.length} of ${total} findings are on lines changed in ${options.base.slice(0, 12)}...${options.head.slice(0, 12)}.`;
      } catch (err) {
        problems.push({ level: "error", message: `${(err as Error).message}; every finding is reported` });
      }
    } else {
      let snapshot: { dir: string; root: string } | undefined;
      try {
        const fork = await forkPoint(root, options.base, options.head);
        snapshot = await extractCommit(root, fork, options.tempDir ?? tmpdir());
        const base = await runAnalysers(snapshot.root, { ...options, sarifFiles: [] }, exclude, log);
        const before = mergeDuplicates(await toFindings(base.raw, new SourceLines(snapshot.root)));
        const known = new Set(before.map((f) => f.fingerprint));
        const now = new Set(findings.map((f) => f.fingerprint));
        findings = findings.filter((f) => !known.has(f.fingerprint));
        // What the change removes: listed as fixed in the JSON report.
        fixed = sortFindings(before.filter((f) => !now.has(f.fingerprint)));
        for (const p of base.problems.filter((p) => p.level === "error")) {
          problems.push({
            level: "warning",
            ...(p.tool ? { tool: p.tool } : {}),
            message: `scanning the base commit: ${p.message}; what it could not see counts as new`,
          });
        }
        scopeNote = `Scope new: ${findings.length} of ${total} findings are not in ${fork.slice(0, 12)}, where the change branched from ${options.base.slice(0, 12)}.`;
      } catch (err) {
        problems.push({
          level: "error",
          message: `could not scan the base commit: ${(err as Error).message}; every finding is reported`,
        });
      } finally {
        if (snapshot) await rm(snapshot.dir, { recursive: true, force: true });
      }
    }
  }
  const reports = [...tools.reports, ...imported.reports];
  // One SARIF run per analyser that ran to completion; a failed one gets none (an empty run would close
  // its alerts in code scanning), its error goes to the sast run.
  const toolRuns: ScanToolRun[] = reports
    .filter((r) => r.status === "ran")
    .map((r) => {
      const uri = ANALYSERS.find((a) => a.name === r.name)?.informationUri;
      return {
        tool: r.name,
        ...(r.version ? { version: r.version } : {}),
        ...(uri ? { informationUri: uri } : {}),
      };
    });
  for (const notice of tools.notices) problems.push({ level: "notice", message: notice });
  const stats: Record<string, number> = { findings: findings.length, "findings-before-scope": total };
  for (const r of reports) stats[`${r.name}-findings`] = r.findings;
  for (const [language, count] of Object.entries(tools.languages)) stats[`${language}-files`] = count;
  return {
    tool: "sast",
    toolVersion: SAST_VERSION,
    findings,
    problems,
    summaryMarkdown: summary(reports, scopeNote, findings),
    stats,
    toolRuns,
    ...(fixed ? { fixed } : {}),
    outputs: {
      tools: reports
        .filter((r) => r.status === "ran")
        .map((r) => r.name)
        .join(","),
    },
  };
}
