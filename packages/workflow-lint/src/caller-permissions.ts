// A job that calls a reusable workflow caps the token of every job in it: a nested job asking for more
// than the caller grants makes GitHub refuse the whole run before anything starts (even when that nested
// job's `if:` would skip it). Checked for calls of this repository's own reusable workflows, whose files
// are here to read.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LintIssue } from "./lint-issue.js";
import { grantedScopes, LEVEL_ORDER, levelOf } from "./token-permissions.js";
import { workflowJobs, type WorkflowJob } from "./workflow-jobs.js";
import { child, loadYaml, type YamlFile } from "./yaml-file.js";

/** The repository-relative file of a reusable workflow `uses:` names, when it is one of this repository's. */
export function ownWorkflowFile(uses: string, repository: string): string | undefined {
  const local = /^\.\/(\.github\/workflows\/[^@/]+\.ya?ml)$/.exec(uses);
  if (local) return local[1];
  const prefix = `${repository.toLowerCase()}/`;
  if (!uses.toLowerCase().startsWith(prefix)) return undefined;
  const path = uses.slice(prefix.length).split("@")[0] ?? "";
  return /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ? path : undefined;
}

export function checkCallerPermissions(
  yaml: YamlFile,
  jobs: WorkflowJob[],
  root: string,
  repository: string,
): LintIssue[] {
  const issues: LintIssue[] = [];
  const workflowGrant = grantedScopes(child(yaml.doc.contents, "permissions"));
  for (const job of jobs) {
    if (!job.uses) continue;
    const file = ownWorkflowFile(job.uses.value, repository);
    if (!file || !existsSync(join(root, file))) continue;
    // No permissions anywhere: the repository default applies, which the permissions rule reports.
    const granted = grantedScopes(child(job.node, "permissions")) ?? workflowGrant;
    if (!granted) continue;
    const callee = loadYaml(file, readFileSync(join(root, file), "utf8"));
    if (!callee.ok) continue;
    const calleeGrant = grantedScopes(child(callee.yaml.doc.contents, "permissions"));
    for (const nested of workflowJobs(callee.yaml)) {
      const asked = grantedScopes(child(nested.node, "permissions")) ?? calleeGrant;
      if (!asked) continue;
      for (const [scope, level] of asked) {
        const has = levelOf(granted, scope);
        if (LEVEL_ORDER[level] <= LEVEL_ORDER[has]) continue;
        issues.push({
          file: yaml.file,
          line: yaml.lineOf(job.uses.node),
          rule: "caller-permissions",
          message: `job "${job.id}" grants ${scope}: ${has}, but the nested job "${nested.id}" of ${file} asks for ${scope}: ${level}: GitHub refuses to start the workflow (grant it, even for a check switched off)`,
        });
      }
    }
  }
  return issues;
}
