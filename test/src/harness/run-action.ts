// Runs a committed action bundle exactly as the GitHub runner does: INPUT_* variables (action.yml
// defaults included, `${{ }}` lookups evaluated), the GITHUB_* files, the event payload, RUNNER_TEMP,
// and `node <runs.main>` with the workspace as working directory. Returns what the runner would read.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { evaluateTemplate } from "./expressions.js";
import {
  parseCommands,
  parseEnvFile,
  toAnnotations,
  type ParsedAnnotation,
  type ParsedCommand,
} from "./workflow-commands.js";

export { parseCommands, parseEnvFile, toAnnotations };
export type { ParsedAnnotation, ParsedCommand };

export interface RunActionOptions {
  /** Input values by action.yml name; unset inputs get action.yml defaults, as on the runner. */
  inputs?: Record<string, string>;
  /** GITHUB_WORKSPACE and the working directory. */
  workspace: string;
  eventName?: string;
  /** Written to GITHUB_EVENT_PATH as JSON. */
  event?: unknown;
  /** What `${{ github.token }}` evaluates to (the job's token); empty by default. */
  githubToken?: string;
  /** Extra or overriding variables (GITHUB_API_URL, ACT, RUNNER_DEBUG...); undefined removes one. */
  env?: Record<string, string | undefined>;
  /** Node binary: options.node, else E2E_NODE, else this process's node. */
  node?: string;
  timeoutMs?: number;
}

export interface ActionRun {
  /** The first non-zero exit code of pre, main and post, else 0. */
  exitCode: number;
  /** Each step on its own; pre and post only when action.yml declares them, main unless pre failed. */
  pre?: StepRun;
  main?: StepRun;
  post?: StepRun;
  /** stdout of every step, in order. */
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY as written. */
  summary: string;
  /** Variables exported through GITHUB_ENV, parsed. */
  env: Record<string, string>;
  /** Same as `env` (kept for existing tests). */
  exportedEnv: Record<string, string>;
  /** error/warning/notice commands from stdout, with numeric lines. */
  annotations: ParsedAnnotation[];
  /** Every workflow command from stdout, in order (add-mask, group, debug...). */
  commands: ParsedCommand[];
  /** Directories added to PATH for later steps through GITHUB_PATH. */
  addedPath: string[];
  /** The environment the action ran with (INPUT_*, GITHUB_*...). */
  processEnv: Record<string, string>;
  /** RUNNER_TEMP: every file the run wrote there is under this directory. */
  runnerTemp: string;
}

interface ActionYml {
  inputs?: Record<string, { default?: string | number | boolean } | null>;
  runs?: { using?: string; main?: string; pre?: string; post?: string };
}

export interface NodeActionMetadata {
  inputs: NonNullable<ActionYml["inputs"]>;
  runs: { using: string; main: string; pre?: string; post?: string };
}

export interface StepRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const DEFAULT_REPOSITORY = "octo/app";
export const DEFAULT_SHA = "0123456789abcdef0123456789abcdef01234567";

/** INPUT_ name as the runner makes it: spaces become underscores, upper-cased, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export function readActionYml(actionDir: string): NodeActionMetadata {
  const file = join(actionDir, "action.yml");
  const metadata = parse(readFileSync(file, "utf8")) as ActionYml | null;
  const { using, main, pre, post } = metadata?.runs ?? {};
  if (!using || !/^node\d+$/.test(using))
    throw new Error(`${file}: runs.using ${using} is not a node action`);
  if (!main) throw new Error(`${file}: runs.main is missing`);
  return {
    inputs: metadata?.inputs ?? {},
    runs: { using, main, ...(pre ? { pre } : {}), ...(post ? { post } : {}) },
  };
}

export async function runAction(actionDir: string, options: RunActionOptions): Promise<ActionRun> {
  const dir = resolve(actionDir);
  const metadata = readActionYml(dir);
  for (const script of [metadata.runs.pre, metadata.runs.main, metadata.runs.post])
    if (script && !existsSync(join(dir, script)))
      throw new Error(`${join(dir, script)} does not exist: build the bundle first (pnpm bundle)`);
  for (const name of Object.keys(options.inputs ?? {}))
    if (!(name in metadata.inputs)) throw new Error(`input "${name}" is not declared in ${dir}/action.yml`);

  const files = mkdtempSync(join(tmpdir(), "bulwark-runner-"));
  const runnerTemp = mkdtempSync(join(tmpdir(), "bulwark-runner-temp-"));
  const paths = {
    GITHUB_OUTPUT: join(files, "output"),
    GITHUB_STEP_SUMMARY: join(files, "summary"),
    GITHUB_ENV: join(files, "env"),
    GITHUB_STATE: join(files, "state"),
    GITHUB_PATH: join(files, "path"),
    GITHUB_EVENT_PATH: join(files, "event.json"),
  };
  for (const path of Object.values(paths)) writeFileSync(path, "");
  const event = options.event ?? {};
  writeFileSync(paths.GITHUB_EVENT_PATH, JSON.stringify(event));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? files,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? "push",
    GITHUB_REPOSITORY: DEFAULT_REPOSITORY,
    GITHUB_REPOSITORY_OWNER: DEFAULT_REPOSITORY.split("/")[0]!,
    GITHUB_SHA: DEFAULT_SHA,
    GITHUB_REF: "refs/heads/main",
    GITHUB_RUN_ID: "42",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "check",
    GITHUB_ACTOR: "octocat",
    GITHUB_SERVER_URL: "https://github.com",
    // Unroutable: a test that forgets to point at its local server fails instead of calling GitHub.
    GITHUB_API_URL: "http://127.0.0.1:9",
    GITHUB_ACTION_PATH: dir,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: "Linux",
    RUNNER_ARCH: "X64",
    ...paths,
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  // The runner sets every declared input: the given value, else the evaluated default, else empty.
  const contexts = {
    github: {
      token: options.githubToken ?? "",
      workspace: env.GITHUB_WORKSPACE,
      repository: env.GITHUB_REPOSITORY,
      repository_owner: env.GITHUB_REPOSITORY_OWNER,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
      event_name: env.GITHUB_EVENT_NAME,
      event,
      server_url: env.GITHUB_SERVER_URL,
      api_url: env.GITHUB_API_URL,
      run_id: env.GITHUB_RUN_ID,
      action_path: dir,
    },
    runner: { temp: runnerTemp, os: env.RUNNER_OS, arch: env.RUNNER_ARCH },
  };
  for (const [name, spec] of Object.entries(metadata.inputs)) {
    const given = options.inputs?.[name];
    const fallback =
      spec?.default === undefined
        ? ""
        : evaluateTemplate(String(spec.default), contexts, `${dir}/action.yml: input "${name}"`);
    env[inputVariable(name)] = given ?? fallback;
  }

  const node = options.node ?? process.env.E2E_NODE ?? process.execPath;
  const step = (script: string, stepEnv: Record<string, string>) =>
    runStep(node, join(dir, script), options.workspace, stepEnv, options.timeoutMs ?? 120_000);
  // As on the runner: pre, then main (skipped when pre failed), then post (always), which sees the state
  // pre and main saved through GITHUB_STATE as STATE_<name>.
  const pre = metadata.runs.pre ? await step(metadata.runs.pre, env) : undefined;
  const main = pre && pre.exitCode !== 0 ? undefined : await step(metadata.runs.main, env);
  let post: StepRun | undefined;
  if (metadata.runs.post) {
    const postEnv = { ...env };
    const state = parseEnvFile(readFileSync(paths.GITHUB_STATE, "utf8"), "GITHUB_STATE");
    for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value;
    post = await step(metadata.runs.post, postEnv);
  }
  const steps = [pre, main, post].filter((s): s is StepRun => s !== undefined);
  const stdout = steps.map((s) => s.stdout).join("");
  const stderr = steps.map((s) => s.stderr).join("");
  const exitCode = steps.find((s) => s.exitCode !== 0)?.exitCode ?? 0;
  const commands = parseCommands(stdout);
  const exported = parseEnvFile(readFileSync(paths.GITHUB_ENV, "utf8"), "GITHUB_ENV");
  return {
    exitCode,
    ...(pre ? { pre } : {}),
    ...(main ? { main } : {}),
    ...(post ? { post } : {}),
    stdout,
    stderr,
    outputs: parseEnvFile(readFileSync(paths.GITHUB_OUTPUT, "utf8"), "GITHUB_OUTPUT"),
    summary: readFileSync(paths.GITHUB_STEP_SUMMARY, "utf8"),
    env: exported,
    exportedEnv: exported,
    annotations: toAnnotations(commands),
    addedPath: readFileSync(paths.GITHUB_PATH, "utf8").split("\n").filter(Boolean),
    commands,
    processEnv: env,
    runnerTemp,
  };
}

function runStep(
  node: string,
  script: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<StepRun> {
  const child = spawn(node, [script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise<StepRun>((resolveStep, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${node}: ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolveStep({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
}
