// Runs the CLI in-process with captured output, for tests.
import { main, type CliProgram } from "../main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  cwd: string,
  program: CliProgram,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    argv,
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      cwd,
      env,
    },
    program,
  );
  return { code, stdout, stderr };
}
