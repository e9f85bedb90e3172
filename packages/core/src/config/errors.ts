// Configuration mistakes are reported all at once, each pinned to a file and line where known.

export interface ConfigIssue {
  /** Display path of the file the issue is in (relative to the scanned root), when it came from a file. */
  file?: string;
  line?: number;
  message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  if (issue.file === undefined) return issue.message;
  return issue.line === undefined
    ? `${issue.file}: ${issue.message}`
    : `${issue.file}:${issue.line}: ${issue.message}`;
}

/** A user configuration that cannot be used as written. The message lists every issue, one per line. */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: ConfigIssue[] | ConfigIssue | string) {
    const list: ConfigIssue[] =
      typeof issues === "string" ? [{ message: issues }] : Array.isArray(issues) ? issues : [issues];
    super(list.map(formatIssue).join("\n"));
    this.name = "ConfigError";
    this.issues = list;
  }
}
