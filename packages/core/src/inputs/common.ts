// The inputs every Bulwark action has, in the order action.yml lists them.
import { DOCUMENTED_THRESHOLDS } from "../severity.js";
import { IGNORE_LIST_SCHEMA, type IgnoreRule } from "../policy/ignore.js";
import { input } from "./spec.js";
import type { InputValues } from "./read.js";

function toIgnoreRules(value: unknown): IgnoreRule[] {
  // Already validated against IGNORE_LIST_SCHEMA; copy only the known keys. Unquoted YAML scalars such as
  // `id: 2024` arrive as strings thanks to the schema requiring strings.
  return (value as IgnoreRule[]).map((r) => ({
    id: r.id,
    reason: r.reason,
    ...(r.path !== undefined ? { path: r.path } : {}),
    ...(r.package !== undefined ? { package: r.package } : {}),
    ...(r.until !== undefined ? { until: r.until } : {}),
  }));
}

export const commonInputs = [
  input.string("path", { description: "Directory to scan, relative to the workspace.", default: "." }),
  input.string("config", {
    description: "Config file to use instead of .github/bulwark.yml or .github/bulwark.yaml.",
    configurable: false,
  }),
  input.choice("fail-on", {
    description: "Fail when a new finding is at or above this severity; none never fails on findings.",
    values: DOCUMENTED_THRESHOLDS,
    alsoAccept: ["info"],
    default: "high",
  }),
  input.yaml("ignore", {
    description:
      "Findings to ignore: a YAML list of {id, path, package, reason, until}. id matches rule ids and aliases; " +
      "reason is required; until (YYYY-MM-DD) is the last day the ignore applies.",
    schema: IGNORE_LIST_SCHEMA,
    default: [] as IgnoreRule[],
    parse: toIgnoreRules,
  }),
  input.string("baseline", {
    description:
      'Baseline file ({"version":1,"fingerprints":[...]}): findings in it are reported but do not fail.',
  }),
  input.boolean("report-only", { description: "Report findings but never fail the check.", default: false }),
  input.boolean("fail-open", {
    description:
      "Let scan errors (unparseable files, unreachable databases) pass as notices instead of failing.",
    default: false,
  }),
  input.string("sarif-file", {
    description: "Where to write SARIF; defaults to a file in the runner's temp dir.",
  }),
  input.string("json-file", { description: "Where to write the JSON report; not written when empty." }),
  input.boolean("upload-sarif", {
    description: "Upload the SARIF to GitHub code scanning (needs security-events: write).",
    default: false,
  }),
  input.choice("comment", {
    description: "When to post a pull request comment (needs pull-requests: write).",
    values: ["always", "on-failure", "never"],
    default: "on-failure",
  }),
  input.boolean("annotations", { description: "Annotate findings on the changed lines.", default: true }),
  input.string("token", {
    description: "GitHub token for comments, SARIF upload and API reads.",
    configurable: false,
  }),
] as const;

export type CommonInputs = InputValues<typeof commonInputs>;
