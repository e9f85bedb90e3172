import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCallerPermissions, ownWorkflowFile } from "./caller-permissions.js";
import { workflowJobs } from "./workflow-jobs.js";
import { loadYaml } from "./yaml-file.js";

/** A repository holding a reusable workflow whose jobs ask for different scopes. */
function repository(): string {
  const root = mkdtempSync(join(tmpdir(), "caller-permissions-"));
  mkdirSync(join(root, ".github/workflows"), { recursive: true });
  writeFileSync(
    join(root, ".github/workflows/checks.yml"),
    [
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
      "      - run: true",
      "  summary:",
      "    runs-on: ubuntu-latest",
      "    permissions: {}",
      "    steps:",
      "      - run: true",
    ].join("\n"),
  );
  return root;
}

function check(root: string, lines: string[]) {
  const loaded = loadYaml("caller.yml", lines.join("\n"));
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  return checkCallerPermissions(loaded.yaml, workflowJobs(loaded.yaml), root, "octo/tools");
}

describe("checkCallerPermissions", () => {
  const root = repository();

  it("accepts a caller that grants at least what every nested job asks for", () => {
    for (const uses of ["octo/tools/.github/workflows/checks.yml@v1", "./.github/workflows/checks.yml"]) {
      const issues = check(root, [
        "on: pull_request",
        "permissions:",
        "  contents: write",
        "  security-events: write",
        "jobs:",
        "  checks:",
        `    uses: ${uses}`,
      ]);
      expect(issues).toEqual([]);
    }
  });

  it("reports each scope a nested job asks for beyond the caller's grant, at the uses: line", () => {
    const issues = check(root, [
      "on: pull_request",
      "permissions:",
      "  contents: read",
      "jobs:",
      "  checks:",
      "    uses: octo/tools/.github/workflows/checks.yml@v1",
    ]);
    expect(issues.map((i) => [i.line, i.rule])).toEqual([[6, "caller-permissions"]]);
    expect(issues[0]?.message).toContain('nested job "scan"');
    expect(issues[0]?.message).toContain("security-events: write");
  });

  it("takes the calling job's own permissions over the workflow's, and read-all as read only", () => {
    const jobLevel = check(root, [
      "on: pull_request",
      "permissions: write-all",
      "jobs:",
      "  checks:",
      "    permissions: read-all",
      "    uses: octo/tools/.github/workflows/checks.yml@v1",
    ]);
    expect(jobLevel.map((i) => i.message)).toEqual([expect.stringContaining("grants security-events: read")]);
  });

  it("leaves other repositories' workflows and callers without any permissions to other rules", () => {
    expect(
      check(root, [
        "on: push",
        "permissions: {}",
        "jobs:",
        "  x:",
        "    uses: other/repo/.github/workflows/a.yml@v1",
      ]),
    ).toEqual([]);
    expect(
      check(root, ["on: push", "jobs:", "  x:", "    uses: octo/tools/.github/workflows/checks.yml@v1"]),
    ).toEqual([]);
  });

  it("names the local file of this repository's reusable workflows only", () => {
    expect(ownWorkflowFile("./.github/workflows/a.yml", "o/r")).toBe(".github/workflows/a.yml");
    expect(ownWorkflowFile("O/R/.github/workflows/a.yaml@main", "o/r")).toBe(".github/workflows/a.yaml");
    expect(ownWorkflowFile("o/r/actions/sast@v1", "o/r")).toBeUndefined();
    expect(ownWorkflowFile("x/y/.github/workflows/a.yml@v1", "o/r")).toBeUndefined();
  });
});
