import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitHubContext } from "@bulwark/core";
import { describe, expect, it } from "vitest";
import { chooseTarget } from "./scan-target.js";
import { gitIn, makeRepo } from "./test-support/git-repo.js";

const base: GitHubContext = {
  eventName: "workflow_dispatch",
  event: "workflow_dispatch",
  workspace: "/w",
  apiUrl: "https://api.github.com",
  serverUrl: "https://github.com",
  act: false,
};
const a = "a".repeat(40);
const b = "b".repeat(40);

describe("chooseTarget", () => {
  const cwd = makeRepo().dir;

  it("auto: a pull request's commits, a push's commits, else the tree", async () => {
    const pr = {
      ...base,
      event: "pull_request" as const,
      pullRequest: { number: 3, baseRef: "main", baseSha: a, headRef: "f", headSha: b, fromFork: false },
    };
    expect(await chooseTarget("auto", undefined, pr, cwd)).toMatchObject({
      kind: "history",
      revisions: [`${a}..${b}`],
      base: a,
      head: b,
    });
    const push = {
      ...base,
      event: "push" as const,
      push: { before: a, after: b, newBranch: false, deleted: false, forced: false },
    };
    expect(await chooseTarget("auto", undefined, push, cwd)).toMatchObject({ revisions: [`${a}..${b}`] });
    expect(await chooseTarget("auto", undefined, base, cwd)).toMatchObject({ kind: "tree" });
    expect(await chooseTarget("tree", undefined, pr, cwd)).toMatchObject({ kind: "tree" });
    expect(await chooseTarget("history", undefined, pr, cwd)).toMatchObject({ revisions: ["HEAD"] });
    expect(await chooseTarget("auto", "v1..HEAD", pr, cwd)).toMatchObject({ revisions: ["v1..HEAD"] });
    expect(await chooseTarget("auto", "main ^v1", pr, cwd)).toMatchObject({ revisions: ["main", "^v1"] });
    await expect(chooseTarget("auto", "HEAD --output=/tmp/x", pr, cwd)).rejects.toThrow(
      /"--output=\/tmp\/x" reads as a git option/,
    );
    await expect(chooseTarget("diff", undefined, base, cwd)).rejects.toThrow(/needs a pull_request/);
    const same = { ...push, push: { ...push.push, before: b } };
    expect(await chooseTarget("auto", undefined, same, cwd)).toMatchObject({ kind: "nothing" });
    const deleted = { ...push, push: { ...push.push, deleted: true } };
    expect(await chooseTarget("auto", undefined, deleted, cwd)).toMatchObject({ kind: "nothing" });
  });

  it("a new branch: commits not on any other remote branch, or the tree when there is none", async () => {
    const origin = makeRepo();
    origin.commit("init", { "a.txt": "a\n" });
    const clone = join(mkdtempSync(join(tmpdir(), "bulwark-secret-scan-clone-")), "c");
    gitIn(origin.dir, "clone", "-q", origin.dir, clone);
    gitIn(clone, "checkout", "-q", "-b", "feature");
    const push = {
      ...base,
      event: "push" as const,
      push: { after: b, newBranch: true, deleted: false, forced: false, ref: "refs/heads/feature" },
    };
    expect(await chooseTarget("auto", undefined, push, clone)).toMatchObject({
      kind: "history",
      revisions: [b, "--not", "refs/remotes/origin/main"],
    });
    expect(await chooseTarget("auto", undefined, push, origin.dir)).toMatchObject({ kind: "tree" });
  });
});
