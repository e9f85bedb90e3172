// Runs an analyser as a child process (never through a shell), with a time limit and bounded output.
import { spawn } from "node:child_process";

export interface ToolRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface ExecOptions {
  cwd: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** Output beyond this is an error: a runaway tool must not exhaust memory. */
  maxOutputBytes?: number;
}

export class ToolStartError extends Error {}

export function execTool(command: string, args: readonly string[], options: ExecOptions): Promise<ToolRun> {
  const max = options.maxOutputBytes ?? 256 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a time-out ends the tool's children too.
      detached: process.platform !== "win32",
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    const kill = () => {
      try {
        if (child.pid !== undefined && process.platform !== "win32") process.kill(-child.pid, "SIGKILL");
        else child.kill("SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        kill();
        return;
      }
      into.push(chunk);
    };
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new ToolStartError(`could not start ${command}: ${e.message}`));
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      if (size > max && !timedOut) {
        reject(new ToolStartError(`${command} wrote more than ${max} bytes of output`));
        return;
      }
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
      });
    });
  });
}

/** The last lines of a tool's stderr, for a problem message. */
export function stderrTail(stderr: string, lines = 5): string {
  const kept = stderr.trimEnd().split("\n").slice(-lines).join("\n").trim();
  return kept.length > 2000 ? kept.slice(-2000) : kept;
}
