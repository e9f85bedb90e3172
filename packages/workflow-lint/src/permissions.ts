// Least privilege: the token's permissions are declared, never left to the repository default (which may be
// write-all). A called workflow's jobs each declare their own, so none gets more than it uses of what the
// caller granted.
import type { LintIssue } from "./lint-issue.js";
import type { WorkflowJob } from "./workflow-jobs.js";
import { child, entries, scalarString, type YamlFile } from "./yaml-file.js";

function isReusable(yaml: YamlFile): boolean {
  const on = child(yaml.doc.contents, "on");
  const single = scalarString(on);
  if (single !== undefined) return single === "workflow_call";
  return entries(on).some(([event]) => event === "workflow_call");
}

export function checkPermissions(yaml: YamlFile, jobs: WorkflowJob[]): LintIssue[] {
  const issues: LintIssue[] = [];
  const top = child(yaml.doc.contents, "permissions");
  const reusable = isReusable(yaml);
  const declared = [...(top ? [top] : []), ...jobs.flatMap((job) => child(job.node, "permissions") ?? [])];
  for (const node of declared) {
    if (scalarString(node) === "write-all")
      issues.push({
        file: yaml.file,
        line: yaml.lineOf(node),
        rule: "permissions",
        message: "permissions: write-all grants every scope: list only the scopes the job uses",
      });
  }
  for (const job of jobs) {
    if (child(job.node, "permissions")) continue;
    if (reusable) {
      issues.push({
        file: yaml.file,
        line: yaml.lineOf(job.keyNode),
        rule: "permissions",
        message: `job "${job.id}" of a reusable workflow declares no permissions: it would get everything the caller granted`,
      });
    } else if (!top) {
      issues.push({
        file: yaml.file,
        line: yaml.lineOf(job.keyNode),
        rule: "permissions",
        message: `job "${job.id}" has no permissions: and neither has the workflow, so it gets the repository default`,
      });
    }
  }
  return issues;
}
