// The whole action.yml of an action, rendered from its check definition so inputs, defaults and
// outputs cannot drift from what the code reads and writes.
import { stringify } from "yaml";
import type { CheckDefinition } from "../check.js";
import { actionYmlInputs } from "../inputs/action-yml.js";

export const COMMON_OUTPUTS: Readonly<Record<string, string>> = {
  findings: "Number of findings that are not ignored.",
  "new-findings": "Number of findings not in the baseline and not ignored.",
  failed: "true when the check failed (the gate, or a scan that could not complete).",
  "sarif-file": "Path of the SARIF report.",
  "json-file": "Path of the JSON report (empty when json-file was not set).",
  "not-checked":
    "Number of scan errors that left something unchecked (0 when the scan was complete); the summary, SARIF and JSON report name them.",
};

export interface ActionMetadataOptions {
  /** Display name on the Marketplace. */
  name: string;
  /** Outputs only this action sets. */
  outputs?: Readonly<Record<string, string>>;
  branding?: { icon: string; color: string };
}

export function renderActionYml(check: CheckDefinition, options: ActionMetadataOptions): string {
  const outputs = Object.fromEntries(
    Object.entries({ ...COMMON_OUTPUTS, ...options.outputs }).map(([k, description]) => [k, { description }]),
  );
  const doc = {
    name: options.name,
    description: check.description,
    author: "Bulwark",
    branding: options.branding ?? { icon: "shield", color: "blue" },
    inputs: actionYmlInputs(check.specs, { token: "${{ github.token }}" }),
    outputs,
    runs: { using: "node24", main: "dist/index.js" },
  };
  return `# Generated from the check definition by the action's tests (BULWARK_UPDATE=1 pnpm test); do not edit by hand.\n${stringify(doc, { lineWidth: 0 })}`;
}
