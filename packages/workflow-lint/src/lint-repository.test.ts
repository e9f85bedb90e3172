// lintRepository on a small repository laid out like Bulwark: every rule reaches workflows and the workflow
// snippets of its docs, with Markdown line numbers.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintRepository } from "./lint-repository.js";

function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "lint-repository-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const reusable = [
  "on:",
  "  workflow_call:",
  "permissions: {}",
  "jobs:",
  "  scan:",
  "    runs-on: ubuntu-latest",
  "    permissions:",
  "      contents: read",
  "      security-events: write",
  "    steps:",
  "      - run: echo scan",
  "",
].join("\n");

describe("lintRepository", () => {
  it("holds a doc's workflow snippet to injection, permissions and the reusable workflow's grants", async () => {
    const doc = [
      "# Using it", // line 1
      "",
      "```yaml",
      "on: pull_request",
      "jobs:",
      "  greet:", // line 6: no permissions anywhere
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - run: echo ${{ github.event.pull_request.title }}", // line 9
      "  security:",
      "    permissions:",
      "      contents: read",
      "    uses: OWNER/REPO/.github/workflows/security.yml@v1", // line 13
      "```",
      "",
    ].join("\n");
    const root = repository({ ".github/workflows/security.yml": reusable, "docs/usage.md": doc });
    const { files, issues } = await lintRepository(root);
    expect(files).toEqual(expect.arrayContaining([".github/workflows/security.yml", "docs/usage.md"]));
    const found = issues.filter((i) => i.file === "docs/usage.md").map((i) => [i.line, i.rule]);
    expect(found).toEqual(
      expect.arrayContaining([
        [9, "script-injection"],
        [6, "permissions"],
        [13, "caller-permissions"],
      ]),
    );
    expect(issues.filter((i) => i.file === ".github/workflows/security.yml")).toEqual([]);
  });

  it("accepts the same snippet written safely", async () => {
    const doc = [
      "```yaml",
      "on: pull_request",
      "permissions:",
      "  contents: read",
      "  security-events: write",
      "jobs:",
      "  greet:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      "      - env:",
      "          TITLE: ${{ github.event.pull_request.title }}",
      '        run: echo "$TITLE"',
      "  security:",
      "    uses: OWNER/REPO/.github/workflows/security.yml@v1",
      "```",
      "",
    ].join("\n");
    const root = repository({ ".github/workflows/security.yml": reusable, "docs/usage.md": doc });
    const { issues } = await lintRepository(root);
    expect(issues).toEqual([]);
  });
});
