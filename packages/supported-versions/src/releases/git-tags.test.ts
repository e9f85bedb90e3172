import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GitRepo } from "../test-support/git-repo.js";
import { isShallowRepository, listGitTags } from "./git-tags.js";

describe("listGitTags", () => {
  it("lists lightweight and annotated tags with their dates", async () => {
    const repo = new GitRepo().commit("one");
    repo.tag("v1.0.0");
    repo.commit("two").tag("web@2.0.0", "annotated release");
    const tags = await listGitTags(repo.dir);
    expect(tags.map((t) => t.name).sort()).toEqual(["v1.0.0", "web@2.0.0"]);
    for (const tag of tags) expect(Number.isNaN(Date.parse(tag.date!))).toBe(false);
  });

  it("returns nothing for a repository without tags", async () => {
    const repo = new GitRepo().commit();
    expect(await listGitTags(repo.dir)).toEqual([]);
    expect(await isShallowRepository(repo.dir)).toBe(false);
  });

  it("fails with the directory and git's reason outside a repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-not-git-"));
    await expect(listGitTags(dir)).rejects.toThrow(
      new RegExp(`Cannot list git tags in ${dir}: .*not a git repository`, "i"),
    );
  });

  it("sees a shallow clone", async () => {
    const origin = new GitRepo().commit("a").commit("b").tag("v1.0.0");
    const clone = mkdtempSync(join(tmpdir(), "bulwark-shallow-"));
    origin.git("clone", "-q", "--depth", "1", "--no-tags", `file://${origin.dir}`, clone);
    expect(await isShallowRepository(clone)).toBe(true);
    expect(await listGitTags(clone)).toEqual([]);
  });
});
