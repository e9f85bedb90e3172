// This repository's own workflows, workflow templates, action.yml files and action READMEs pass every
// rule. BULWARK_UPDATE=1 first regenerates the READMEs' inputs/outputs tables and pinned majors.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatIssue } from "./lint-issue.js";
import { actionNames, lintRepository, updateActionReadmes } from "./lint-repository.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("this repository", () => {
  it("has workflows, a template and actions to lint", () => {
    expect(actionNames(root).length).toBeGreaterThanOrEqual(4);
  });

  it("passes actionlint, pinning, injection, permissions and README checks", async () => {
    if (process.env.BULWARK_UPDATE === "1") updateActionReadmes(root);
    const { files, issues } = await lintRepository(root);
    expect(files).toEqual(
      expect.arrayContaining([
        ".github/workflows/ci.yml",
        ".github/workflows/security.yml",
        "workflow-templates/security.yml",
        "actions/osv-scan/action.yml",
        "actions/osv-scan/README.md",
      ]),
    );
    expect(issues.map(formatIssue)).toEqual([]);
  });
});
