// Runs a committed action bundle exactly as the GitHub runner does: INPUT_* variables (action.yml
// defaults included), the GITHUB_* files, the event payload, RUNNER_TEMP, and `node dist/index.js`.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

export interface RunActionOptions {
  /** Input values by action.yml name; unset inputs get action.yml defaults, as on the runner. */
  inputs?: Record<string, string>;
  workspace: string;
  eventName?: string;
  event?: unknown;
  /** Extra or overriding variables (GITHUB_API_URL, ACT, RUNNER_DEBUG...). */
  env?: Record<string, string | undefined>;
  /** Node binary: options.node, else E2E_NODE, else this process's node. */
  node?: string;
  timeoutMs?: number;
}

export interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  exportedEnv: Record<string, string>;
  commands: ParsedCommand[];
  /** Every file the run wrote into RUNNER_TEMP is under this directory. */
  runnerTemp: string;
}

interface ActionYml {
  inputs?: Record<string, { default?: string | number | boolean } | null>;
  runs: { using: string; main: string };
}

/** Parses `name<<DELIMITER ... DELIMITER` and `name=value` entries, as the runner does. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      out[heredoc[1]!] = value.join("\n");
    } else {
      const eq = line.indexOf("=");
      if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

function unescape(text: string): string {
  return text
    .replace(/%0A/g, "\n")
    .replace(/%0D/g, "\r")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");
}

export function parseCommands(stdout: string): ParsedCommand[] {
  const commands: ParsedCommand[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    commands.push({ command: m[1]!, properties, message: unescape(m[3]!) });
  }
  return commands;
}

export async function runAction(actionDir: string, options: RunActionOptions): Promise<ActionRun> {
  const metadata = parse(readFileSync(join(actionDir, "action.yml"), "utf8")) as ActionYml;
  if (!/^node\d+$/.test(metadata.runs.using))
    throw new Error(`${actionDir}: runs.using ${metadata.runs.using} is not a node action`);
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
  writeFileSync(paths.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? {}));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? files,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? "push",
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_REPOSITORY_OWNER: "octo",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_REF: "refs/heads/main",
    GITHUB_RUN_ID: "42",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: "http://127.0.0.1:9",
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: "Linux",
    ...paths,
  };
  // The runner sets every declared input: the given value, else the action.yml default, else empty.
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    const given = options.inputs?.[name];
    const fallback = spec?.default === undefined ? "" : String(spec.default);
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = given ?? fallback;
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in (metadata.inputs ?? {})))
      throw new Error(`input "${name}" is not declared in ${actionDir}/action.yml`);
    void value;
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  // The runner substitutes expressions such as ${{ github.token }} before the step runs.
  for (const [name, value] of Object.entries(env)) if (value.includes("${{")) env[name] = "";

  const node = options.node ?? process.env.E2E_NODE ?? process.execPath;
  const child = spawn(node, [join(actionDir, metadata.runs.main)], {
    cwd: options.workspace,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exitCode = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${actionDir} did not finish within ${options.timeoutMs ?? 120_000} ms`));
    }, options.timeoutMs ?? 120_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseEnvFile(readFileSync(paths.GITHUB_OUTPUT, "utf8")),
    summary: readFileSync(paths.GITHUB_STEP_SUMMARY, "utf8"),
    exportedEnv: parseEnvFile(readFileSync(paths.GITHUB_ENV, "utf8")),
    commands: parseCommands(stdout),
    runnerTemp,
  };
}
