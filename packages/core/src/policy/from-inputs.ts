// Turns the common inputs (already merged with the config file) into a GatePolicy.
import { isAbsolute, relative, resolve } from "node:path";
import type { CommonInputs } from "../inputs/common.js";
import { readBaseline } from "./baseline.js";
import type { GatePolicy } from "./gate.js";
import { validateIgnoreRules } from "./ignore.js";

export type GateInputs = Pick<CommonInputs, "failOn" | "ignore" | "baseline" | "reportOnly" | "failOpen">;

/**
 * Builds the gate policy, reading the baseline file if one is named. Relative baseline paths resolve against
 * `baseDir` (the repository root / workspace). Throws ConfigError naming the file on a bad baseline.
 */
export async function gatePolicyFromInputs(
  inputs: GateInputs,
  options: { baseDir: string },
): Promise<GatePolicy> {
  validateIgnoreRules(inputs.ignore);
  const policy: GatePolicy = {
    failOn: inputs.failOn,
    ignores: inputs.ignore,
    reportOnly: inputs.reportOnly,
    failOpen: inputs.failOpen,
  };
  if (inputs.baseline !== undefined) {
    const file = resolve(options.baseDir, inputs.baseline);
    const display = isAbsolute(inputs.baseline)
      ? inputs.baseline
      : relative(options.baseDir, file).split("\\").join("/");
    policy.baseline = await readBaseline(file, display);
  }
  return policy;
}
