// The whole release tagging on real git repositories: a working clone with actions/, and a bare remote
// the tags are pushed to.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readActionVersions } from "./action-versions.js";
import { applyTagPlan, changedSince, headCommit, readTags } from "./git-tags.js";
import { planTags } from "./plan-tags.js";

const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env, stdio: "pipe", encoding: "utf8" }).trim();

function writeAction(dir: string, name: string, version: string, source = "") {
  mkdirSync(join(dir, "actions", name, "dist"), { recursive: true });
  writeFileSync(join(dir, "actions", name, "action.yml"), `name: ${name}\n`);
  writeFileSync(join(dir, "actions", name, "package.json"), JSON.stringify({ version }));
  writeFileSync(join(dir, "actions", name, "dist", "index.js"), `// ${name} ${source}\n`);
}

function setup() {
  const remote = mkdtempSync(join(tmpdir(), "release-remote-"));
  git(remote, "init", "-q", "--bare");
  const dir = mkdtempSync(join(tmpdir(), "release-work-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "rel@example.test");
  git(dir, "config", "user.name", "Release");
  git(dir, "remote", "add", "origin", remote);
  writeAction(dir, "osv-scan", "1.0.0");
  writeAction(dir, "sast", "1.0.0");
  mkdirSync(join(dir, "actions", "notes"));
  writeFileSync(join(dir, "actions", "notes", "README.md"), "not an action\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "1.0.0");
  return { dir, remote };
}

function release(dir: string) {
  const plan = planTags({
    head: headCommit(dir),
    actions: readActionVersions(dir),
    tags: readTags(dir),
    changedSince: (commit, path) => changedSince(dir, commit, path),
  });
  applyTagPlan(dir, plan, "origin");
  return plan;
}

const remoteTags = (remote: string) => Object.fromEntries(readTags(remote));

describe("release tags on a real repository", () => {
  it("tags a first release, then one action's patch, and moves v1 only when all actions are released", () => {
    const { dir, remote } = setup();
    expect(readActionVersions(dir).map((a) => a.name)).toEqual(["osv-scan", "sast"]);

    release(dir);
    const first = headCommit(dir);
    expect(remoteTags(remote)).toEqual({
      "osv-scan/v1.0.0": first,
      "osv-scan/v1": first,
      "sast/v1.0.0": first,
      "sast/v1": first,
      v1: first,
    });

    // sast changes without a release: its tags and v1 stay.
    writeAction(dir, "sast", "1.0.0", "fix");
    git(dir, "commit", "-qam", "sast fix, no changeset yet");
    const unreleased = release(dir);
    expect(unreleased.create.length + unreleased.move.length).toBe(0);
    expect(unreleased.notes.join()).toContain("actions/sast changed since sast/v1.0.0");
    expect(remoteTags(remote).v1).toBe(first);

    // The version bump lands: sast/v1.0.1 is made, sast/v1 and v1 move; osv-scan keeps its tags.
    writeAction(dir, "sast", "1.0.1", "fix");
    git(dir, "commit", "-qam", "version packages");
    release(dir);
    const second = headCommit(dir);
    expect(remoteTags(remote)).toEqual({
      "osv-scan/v1.0.0": first,
      "osv-scan/v1": first,
      "sast/v1.0.0": first,
      "sast/v1.0.1": second,
      "sast/v1": second,
      v1: second,
    });

    // Running again is a no-op.
    const again = release(dir);
    expect(again.create.length + again.move.length).toBe(0);
  });

  it("refuses to overwrite a release tag someone already pushed elsewhere", () => {
    const { dir, remote } = setup();
    const other = mkdtempSync(join(tmpdir(), "release-other-"));
    git(other, "clone", "-q", remote, ".");
    git(
      other,
      "-c",
      "user.email=o@example.test",
      "-c",
      "user.name=O",
      "commit",
      "-q",
      "--allow-empty",
      "-m",
      "x",
    );
    git(other, "tag", "sast/v1.0.0");
    git(other, "push", "-q", "origin", "HEAD:refs/heads/other", "refs/tags/sast/v1.0.0");
    expect(() => release(dir)).toThrow(/sast\/v1\.0\.0/);
    // Atomic: none of the other tags were pushed either.
    expect(Object.keys(remoteTags(remote))).toEqual(["sast/v1.0.0"]);
  });

  it("reads annotated tags as the commit they point at", () => {
    const { dir } = setup();
    git(dir, "tag", "-a", "-m", "release", "osv-scan/v1.0.0");
    expect(readTags(dir).get("osv-scan/v1.0.0")).toBe(headCommit(dir));
  });
});
