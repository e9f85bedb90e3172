import { describe, expect, it } from "vitest";
import { checkPinnedActions } from "./pinned-actions.js";
import { atMarkdownLines, workflowSnippets } from "./markdown-workflows.js";
import { workflowJobs } from "./workflow-jobs.js";

const markdown = [
  "# Example", // 1
  "", // 2
  "```yaml", // 3
  "jobs:", // 4
  "  scan:", // 5
  "    runs-on: ubuntu-latest", // 6
  "    steps:", // 7
  "      - uses: actions/checkout@v4", // 8
  "```", // 9
  "", // 10
  "```yaml", // 11
  "# .github/bulwark.yml: not a workflow", // 12
  "version: 1", // 13
  "```", // 14
  "```yaml", // 15
  "jobs: [unclosed", // 16
  "```", // 17
].join("\n");

describe("workflowSnippets", () => {
  it("finds the workflow blocks and reports their issues at the Markdown file's lines", () => {
    const { snippets, issues } = workflowSnippets("README.md", markdown);
    expect(snippets).toHaveLength(1);
    const snippet = snippets[0]!;
    const found = atMarkdownLines(snippet, checkPinnedActions(snippet.yaml, workflowJobs(snippet.yaml), []));
    expect(found.map((i) => [i.file, i.line, i.rule])).toEqual([["README.md", 8, "unpinned-action"]]);
    // A block that does not parse is an issue too, at its own line.
    expect(issues.map((i) => [i.rule, i.line >= 16])).toEqual([["yaml", true]]);
  });
});
