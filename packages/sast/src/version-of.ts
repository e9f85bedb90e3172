// Asks a tool for its version, as a short string for SARIF and the summary.
import { execTool } from "./exec-tool.js";

export async function versionOf(
  executable: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  pattern = /(\d+\.\d+(?:\.\d+)?)/,
): Promise<string> {
  try {
    const run = await execTool(executable, args, {
      cwd: process.cwd(),
      timeoutMs: Math.min(timeoutMs, 20_000),
      env,
    });
    const m = pattern.exec(`${run.stdout}\n${run.stderr}`);
    return m?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}
