// Workflow snippets in documentation are copied into real repositories, so they are held to the same
// pinning, checkout and input rules as our own workflows. A ```yaml block counts when it has `jobs:`.
import type { LintIssue } from "./lint-issue.js";
import { loadYaml, child, type YamlFile } from "./yaml-file.js";

export interface WorkflowSnippet {
  yaml: YamlFile;
  /** 0-based line of the block's first YAML line in the Markdown file. */
  offset: number;
}

export function workflowSnippets(
  file: string,
  markdown: string,
): { snippets: WorkflowSnippet[]; issues: LintIssue[] } {
  const lines = markdown.split("\n");
  const snippets: WorkflowSnippet[] = [];
  const issues: LintIssue[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? "")) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? "")) end++;
    const text = lines.slice(start, end).join("\n");
    i = end;
    const loaded = loadYaml(file, text);
    if (!loaded.ok) {
      issues.push(...loaded.issues.map((issue) => ({ ...issue, line: issue.line + start })));
      continue;
    }
    if (child(loaded.yaml.doc.contents, "jobs")) snippets.push({ yaml: loaded.yaml, offset: start });
  }
  return { snippets, issues };
}

/** Issues found in a snippet, moved to the Markdown file's line numbers. */
export function atMarkdownLines(snippet: WorkflowSnippet, issues: LintIssue[]): LintIssue[] {
  return issues.map((issue) => ({ ...issue, line: issue.line + snippet.offset }));
}
