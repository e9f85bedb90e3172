// Reads a tool's JSON output; anything else means the tool failed, and the problem says how.
import { ToolFailure } from "../analyser.js";
import { stderrTail, type ToolRun } from "../exec-tool.js";

export function checkRun(tool: string, run: ToolRun, okCodes: readonly number[]): void {
  if (run.timedOut) throw new ToolFailure(`${tool} timed out`);
  if (run.exitCode === null || !okCodes.includes(run.exitCode)) {
    const how = run.exitCode === null ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
    const tail = stderrTail(run.stderr);
    throw new ToolFailure(`${tool} ${how}${tail ? `: ${tail}` : ""}`);
  }
}

export function parseToolJson(tool: string, run: ToolRun): unknown {
  try {
    return JSON.parse(run.stdout);
  } catch {
    const tail = stderrTail(run.stderr);
    throw new ToolFailure(`${tool} did not write JSON (exit code ${run.exitCode})${tail ? `: ${tail}` : ""}`);
  }
}
