/** One problem found in a workflow, workflow template, action.yml or README, at a 1-based line. */
export interface LintIssue {
  /** Repository-relative path with forward slashes. */
  file: string;
  line: number;
  column?: number;
  /** Which rule: "actionlint:<kind>", "unpinned-action", "script-injection", "permissions"... */
  rule: string;
  message: string;
}

export function formatIssue(issue: LintIssue): string {
  const at = issue.column === undefined ? `${issue.line}` : `${issue.line}:${issue.column}`;
  return `${issue.file}:${at}: ${issue.message} [${issue.rule}]`;
}
