// The container-scan action: the shared check definition, run the way every Bulwark action runs.
import { runCheckAction, type Env } from "@bulwark/core";
import { containerScanCheck } from "@bulwark/container-scan";

/** Runs the check with inputs from the runner's INPUT_* variables; returns the process exit code. */
export async function run(env: Env): Promise<number> {
  const outcome = await runCheckAction(containerScanCheck, env);
  return outcome.exitCode;
}
