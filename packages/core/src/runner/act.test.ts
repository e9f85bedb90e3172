import { describe, expect, it } from "vitest";
import { readGitHubContext } from "../github/context.js";
import { planGitHubWrites } from "./act.js";

const pr = {
  number: 12,
  baseRef: "main",
  baseSha: "a".repeat(40),
  headRef: "f",
  headSha: "b".repeat(40),
  fromFork: false,
};
const repository = { owner: "octo", repo: "app" };
const both = ["pull-request-comment", "code-scanning-upload"] as const;

describe("planGitHubWrites", () => {
  it("allows every write with a token on a pull request", () => {
    expect(
      planGitHubWrites(both, { token: "t", context: { act: false, repository, pullRequest: pr } }),
    ).toEqual({
      allowed: ["pull-request-comment", "code-scanning-upload"],
      skipped: [],
      notApplicable: [],
    });
  });

  it("skips every write without a token and lists them in one notice", () => {
    const plan = planGitHubWrites(both, { context: { act: false, repository, pullRequest: pr } });
    expect(plan.allowed).toEqual([]);
    expect(plan.skipped.map((s) => s.write)).toEqual(["pull-request-comment", "code-scanning-upload"]);
    expect(plan.notice).toBe(
      "Skipped GitHub writes: the pull request comment (no token; set the action's token input, e.g. token: ${{ github.token }}); " +
        "the code-scanning upload (no token; set the action's token input, e.g. token: ${{ github.token }}). The check itself ran in full.",
    );
  });

  it("under act, writes only when the user passed a token", () => {
    const context = readGitHubContext({
      ACT: "true",
      GITHUB_REPOSITORY: "octo/app",
      GITHUB_SHA: "c".repeat(40),
      GITHUB_REF: "refs/heads/main",
    });
    expect(planGitHubWrites(["code-scanning-upload"], { context }).notice).toContain("-s GITHUB_TOKEN=");
    expect(planGitHubWrites(["code-scanning-upload"], { token: "t", context }).allowed).toEqual([
      "code-scanning-upload",
    ]);
  });

  it("treats a comment outside a pull request as not applicable, and an upload without a SHA as skipped", () => {
    const plan = planGitHubWrites(both, { token: "t", context: { act: false, repository } });
    expect(plan.notApplicable).toEqual(["pull-request-comment"]);
    expect(plan.skipped).toEqual([
      { write: "code-scanning-upload", reason: "the run has no commit SHA or ref to attach results to" },
    ]);
  });
});
