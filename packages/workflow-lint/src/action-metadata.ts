// action.yml as the runner reads it: the keys it knows, a runtime it has, an entry point that exists,
// and every input and output described (the README tables are generated from those descriptions).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { LintIssue } from "./lint-issue.js";
import { child, entries, scalarString, type YamlFile } from "./yaml-file.js";

const TOP_LEVEL = new Set(["name", "author", "description", "inputs", "outputs", "runs", "branding"]);
const RUNTIMES = new Set(["node20", "node24", "composite", "docker"]);
const BRANDING_COLORS = new Set([
  "white",
  "black",
  "yellow",
  "blue",
  "green",
  "orange",
  "red",
  "purple",
  "gray-dark",
]);
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function checkActionMetadata(yaml: YamlFile, actionDir: string): LintIssue[] {
  const issues: LintIssue[] = [];
  const issue = (node: unknown, message: string) =>
    issues.push({ file: yaml.file, line: yaml.lineOf(node), rule: "action-metadata", message });
  const root = yaml.doc.contents;

  for (const [key, , keyNode] of entries(root))
    if (!TOP_LEVEL.has(key)) issue(keyNode, `unknown top-level key "${key}"`);
  for (const key of ["name", "description"])
    if (!scalarString(child(root, key))?.trim()) issue(root, `"${key}" is missing or empty`);

  const runs = child(root, "runs");
  const using = scalarString(child(runs, "using"));
  if (!using || !RUNTIMES.has(using))
    issue(runs ?? root, `runs.using "${using ?? ""}" is not one of ${[...RUNTIMES].join(", ")}`);
  if (using?.startsWith("node")) {
    for (const key of ["pre", "main", "post"]) {
      const script = scalarString(child(runs, key));
      if (key === "main" && !script) issue(runs, "runs.main is missing");
      if (script && !existsSync(join(actionDir, script)))
        issue(child(runs, key), `runs.${key} "${script}" does not exist (build the bundle)`);
    }
  }

  for (const section of ["inputs", "outputs"] as const) {
    for (const [name, spec, keyNode] of entries(child(root, section))) {
      if (!NAME.test(name))
        issue(keyNode, `${section} name "${name}" has characters the runner does not allow`);
      if (!scalarString(child(spec, "description"))?.trim())
        issue(keyNode, `${section}.${name} has no description`);
      const required = child(spec, "required");
      if (
        section === "inputs" &&
        required !== undefined &&
        !["true", "false"].includes(scalarString(required) ?? "")
      )
        issue(required, `inputs.${name}.required must be true or false`);
    }
  }

  const color = scalarString(child(child(root, "branding"), "color"));
  if (color !== undefined && !BRANDING_COLORS.has(color))
    issue(child(root, "branding"), `branding.color "${color}" is not one GitHub Marketplace accepts`);
  return issues;
}
