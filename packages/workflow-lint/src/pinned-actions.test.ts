import { describe, expect, it } from "vitest";
import { checkPinnedActions, unpinnedReason } from "./pinned-actions.js";
import { workflowJobs } from "./workflow-jobs.js";
import { loadYaml } from "./yaml-file.js";

function load(text: string) {
  const loaded = loadYaml("w.yml", text);
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  return loaded.yaml;
}

describe("unpinnedReason", () => {
  it("accepts full SHAs, local paths and Docker digests", () => {
    expect(unpinnedReason("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683")).toBeUndefined();
    expect(
      unpinnedReason("github/codeql-action/upload-sarif@0123456789abcdef0123456789abcdef01234567"),
    ).toBeUndefined();
    expect(unpinnedReason("./actions/osv-scan")).toBeUndefined();
    expect(unpinnedReason(`docker://alpine@sha256:${"a".repeat(64)}`)).toBeUndefined();
  });

  it("rejects tags, branches, short SHAs, missing refs and Docker tags", () => {
    expect(unpinnedReason("actions/checkout@v4")).toMatch(/pinned to "v4", which can move/);
    expect(unpinnedReason("actions/checkout@main")).toMatch(/"main"/);
    expect(unpinnedReason("actions/checkout@11bd719")).toMatch(/full 40-character/);
    expect(unpinnedReason("actions/checkout")).toMatch(/names no version/);
    expect(unpinnedReason("docker://alpine:3.20")).toMatch(/without a sha256 digest/);
    // Upper-case hex is not what git prints; a SHA lookalike with a tag suffix is a tag.
    expect(unpinnedReason(`actions/checkout@${"A".repeat(40)}`)).toBeDefined();
  });

  it("lets this repository's own actions and workflow use a major tag, nothing looser", () => {
    const options = { firstParty: "OWNER/REPO" };
    expect(unpinnedReason("OWNER/REPO/actions/osv-scan@v0", options)).toBeUndefined();
    expect(unpinnedReason("OWNER/REPO/actions/osv-scan@osv-scan/v1", options)).toBeUndefined();
    expect(unpinnedReason("owner/repo/.github/workflows/security.yml@v2", options)).toBeUndefined();
    expect(unpinnedReason("OWNER/REPO/actions/osv-scan@main", options)).toMatch(/major tag/);
    expect(unpinnedReason("OWNER/REPO/actions/osv-scan@v1.2.3", options)).toMatch(/major tag/);
    expect(unpinnedReason("OWNER/OTHER/actions/x@v1", options)).toMatch(/can move/);
  });
});

describe("checkPinnedActions", () => {
  it("reports steps and reusable-workflow calls at their lines", () => {
    const yaml = load(
      [
        "on: push",
        "jobs:",
        "  a:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
        "      - uses: actions/cache@v4",
        "  b:",
        "    uses: octo/workflows/.github/workflows/x.yml@main",
      ].join("\n"),
    );
    const issues = checkPinnedActions(yaml, workflowJobs(yaml), []);
    expect(issues.map((i) => [i.line, i.rule])).toEqual([
      [9, "unpinned-action"],
      [7, "unpinned-action"],
    ]);
    expect(issues[1]?.message).toContain("actions/cache@v4");
  });
});
