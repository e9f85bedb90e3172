// How this engine's findings are built: one rule id namespace, fingerprints that ignore line numbers.
import { fingerprint, type Finding, type Location, type Severity } from "@bulwark/core";

export const TOOL = "supported-versions";

export interface PolicyFindingInput {
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  remediation: string;
  location?: Location;
  /** What identifies this finding across edits (e.g. the row's version text), besides the rule. */
  key?: string;
}

export function policyFinding(input: PolicyFindingInput): Finding {
  return {
    tool: TOOL,
    ruleId: `${TOOL}/${input.rule}`,
    title: input.title,
    message: input.message,
    severity: input.severity,
    remediation: input.remediation,
    fingerprint: fingerprint(TOOL, input.rule, input.location?.path, input.key),
    ...(input.location ? { location: input.location } : {}),
  };
}
