// Runs a check inside GitHub Actions: inputs over config, the engine, the gate, then every reporter
// and GitHub write the inputs ask for. GitHub writes that cannot happen (no token, act, forks) are
// skipped with a notice, never turned into failures; scan failures are never turned into passes.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CheckDefinition } from "../check.js";
import type { CommonInputs } from "../inputs/common.js";
import { envInputSource } from "../inputs/sources.js";
import { readInputsWithConfig } from "../config/read-with-config.js";
import { containedPath } from "./contained-path.js";
import type { Env } from "../env.js";
import { readGitHubContext, type GitHubContext } from "../github/context.js";
import { RepositoryApi } from "../github/repository-api.js";
import { RestClient } from "../github/rest-client.js";
import { evaluateGate } from "../policy/gate.js";
import { gatePolicyFromInputs } from "../policy/from-inputs.js";
import type { GateResult, ScanResult } from "../report.js";
import { toAnnotations } from "../report/annotations.js";
import { formatJsonReport, toJsonReport } from "../report/json.js";
import { toMarkdown } from "../report/markdown.js";
import { commentMarker, toPrComment } from "../report/pr-comment.js";
import { formatSarif, toSarif } from "../report/sarif.js";
import { planGitHubWrites, type GitHubWrite } from "../runner/act.js";
import { EnvFiles } from "../runner/env-files.js";
import {
  annotationCommand,
  maskCommand,
  maskCommands,
  workflowCommand,
} from "../runner/workflow-commands.js";

export interface ActionIo {
  /** Where workflow commands and log lines go (the runner reads stdout). */
  write(text: string): void;
}

export interface ActionOutcome {
  scan?: ScanResult;
  gate?: GateResult;
  /** Exit code for the process: 1 when the gate failed or the run could not complete. */
  exitCode: number;
}

export async function runCheckAction(
  check: CheckDefinition,
  env: Env = process.env,
  io: ActionIo = { write: (t) => process.stdout.write(t) },
  now: Date = new Date(),
): Promise<ActionOutcome> {
  const log = (line: string) => io.write(`${line}\n`);
  const notice = (message: string) =>
    log(workflowCommand("notice", { title: `bulwark ${check.name}` }, message));
  const files = new EnvFiles(env);
  try {
    const context = readGitHubContext(env);
    const source = envInputSource(env);
    const token = source("token");
    if (token) log(maskCommand(token));
    const { inputs } = await readInputsWithConfig(check.specs, source, {
      workspace: context.workspace,
      section: check.name,
    });
    const common = inputs as unknown as CommonInputs;

    const api = token && context.repository ? repositoryApi(context, token) : undefined;
    const tempDir = context.runnerTemp ?? tmpdir();
    const roots = [context.workspace, tempDir];
    const inside = (value: string, name: string) => containedPath(context.workspace, value, roots, name);
    // Checked before the scan: a path escaping the workspace is a configuration error, not a finding.
    const scanRoot = inside(common.path, "path");
    const sarifFile = inside(common.sarifFile ?? join(tempDir, `bulwark-${check.name}.sarif`), "sarif-file");
    const jsonFile = common.jsonFile ? inside(common.jsonFile, "json-file") : "";
    if (common.baseline !== undefined) inside(common.baseline, "baseline");
    const scan = await check.run(inputs, {
      workspace: context.workspace,
      root: scanRoot,
      now,
      env,
      progress: log,
      tempDir: mkdtempSync(join(tempDir, `bulwark-${check.name}-`)),
      ...(api ? { hosting: { listReleases: () => api.listReleases() } } : {}),
    });
    // Mask found secrets before any report mentions their findings.
    for (const secret of scan.secretsForMasking ?? []) for (const c of maskCommands(secret)) log(c);
    const policy = await gatePolicyFromInputs(common, { baseDir: context.workspace });
    const gate = evaluateGate(scan, policy, now);

    const sarif = toSarif([{ scan, gate, category: check.name }]);
    writeReport(sarifFile, formatSarif(sarif.log));
    if (jsonFile) writeReport(jsonFile, formatJsonReport([toJsonReport(scan, gate)]));

    files.appendSummary(toMarkdown(scan, gate));
    if (common.annotations) {
      const { annotations, note } = toAnnotations(gate, { problems: scan.problems });
      for (const a of annotations) log(annotationCommand(a));
      if (note) notice(note);
    }
    for (const n of [...gate.notices, ...sarif.notices]) notice(n);

    const requested: GitHubWrite[] = [];
    if (common.comment === "always" || (common.comment === "on-failure" && gate.failed)) {
      requested.push("pull-request-comment");
    }
    if (common.uploadSarif) requested.push("code-scanning-upload");
    const plan = planGitHubWrites(requested, { ...(token ? { token } : {}), context, env });
    const refused: string[] = [];
    // Writes that failed after the client's retries (5xx, timeouts, garbled answers): the scan is done and
    // reported, so they are named on their own and fail the step unless fail-open.
    const writeFailures: string[] = [];
    const attempt = async (what: string, write: () => Promise<{ status: string; reason?: string }>) => {
      try {
        const outcome = await write();
        if (outcome.status === "skipped") refused.push(`${what}: ${outcome.reason ?? "refused"}`);
      } catch (error) {
        writeFailures.push(`Could not write ${what}: ${(error as Error).message}`);
      }
    };
    if (api && context.pullRequest && plan.allowed.includes("pull-request-comment")) {
      const number = context.pullRequest.number;
      await attempt("the pull request comment", () =>
        api.upsertComment(number, commentMarker(scan.tool), toPrComment(scan, gate, runUrl(context))),
      );
    }
    if (api && plan.allowed.includes("code-scanning-upload")) {
      await attempt("the code-scanning upload", () =>
        api.uploadSarif({
          sarif: JSON.stringify(sarif.log),
          commitSha: context.pullRequest?.headSha ?? context.sha!,
          ref: context.pullRequest ? `refs/pull/${context.pullRequest.number}/head` : context.ref!,
          checkoutUri: `file://${context.workspace}`,
          toolName: check.name,
        }),
      );
    }
    if (plan.notice) notice(plan.notice);
    for (const r of refused) notice(`Skipped ${r}.`);

    files.setOutput("findings", String(gate.findings.filter((f) => f.status !== "ignored").length));
    files.setOutput("new-findings", String(gate.findings.filter((f) => f.status === "new").length));
    const writesFailed = writeFailures.length > 0 && !common.failOpen;
    files.setOutput("failed", String(gate.failed || writesFailed));
    files.setOutput("sarif-file", sarifFile);
    files.setOutput("json-file", jsonFile);
    files.setOutput("not-checked", String(scan.problems.filter((p) => p.level === "error").length));
    for (const [name, value] of Object.entries(scan.outputs ?? {})) files.setOutput(name, value);

    if (!writesFailed) for (const f of writeFailures) notice(`fail-open is on: ${f}`);
    if (gate.failed || writesFailed) {
      const reasons = [...(gate.failed ? gate.reasons : []), ...(writesFailed ? writeFailures : [])];
      log(workflowCommand("error", { title: `bulwark ${check.name} failed` }, reasons.join("\n")));
      return { scan, gate, exitCode: 1 };
    }
    log(`bulwark ${check.name}: passed${gate.reasons.length ? ` (${gate.reasons.join("; ")})` : ""}`);
    return { scan, gate, exitCode: 0 };
  } catch (error) {
    // Configuration errors and crashes fail the step with a message that names what is wrong.
    log(workflowCommand("error", { title: `bulwark ${check.name} could not run` }, (error as Error).message));
    files.setOutput("failed", "true");
    return { exitCode: 1 };
  }
}

function repositoryApi(context: GitHubContext, token: string): RepositoryApi {
  return new RepositoryApi(new RestClient({ apiUrl: context.apiUrl, token }), context.repository!);
}

function runUrl(context: GitHubContext): string | undefined {
  if (!context.repository || !context.runId) return undefined;
  return `${context.serverUrl}/${context.repository.owner}/${context.repository.repo}/actions/runs/${context.runId}`;
}

function writeReport(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, "utf8");
}
