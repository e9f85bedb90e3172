// actions/checkout stores the job token in .git/config unless told not to, where every later step (and
// anything those steps run, such as a project's own build scripts) can read it.
import type { LintIssue } from "./lint-issue.js";
import type { WorkflowJob, WorkflowStep } from "./workflow-jobs.js";
import { scalarString, type YamlFile } from "./yaml-file.js";

export function checkCheckoutCredentials(
  yaml: YamlFile,
  jobs: WorkflowJob[],
  extraSteps: WorkflowStep[],
): LintIssue[] {
  const steps = [...jobs.flatMap((job) => job.steps), ...extraSteps];
  return steps.flatMap((step) => {
    if (!step.uses?.value.startsWith("actions/checkout@")) return [];
    const persist = step.with.find(([key]) => key === "persist-credentials")?.[1];
    if (scalarString(persist) === "false") return [];
    return [
      {
        file: yaml.file,
        line: yaml.lineOf(step.uses.node),
        rule: "persist-credentials",
        message: "actions/checkout without persist-credentials: false leaves the token in .git/config",
      },
    ];
  });
}
