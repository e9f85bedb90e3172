import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { collectLockfiles } from "./collect-lockfiles.js";
import { lockfilesAtCommit } from "./lockfiles-at-commit.js";
import { commit, gitIn, newRepo } from "./test-support/git-history.js";

describe("lockfilesAtCommit", () => {
  it("reads what discovery reads on disk, siblings included, from the commit and not the work tree", async () => {
    const repo = newRepo();
    const sha = commit(repo, "lockfiles", {
      "svc/go.mod": "go-mod/caddyserver__caddy__go.mod",
      "svc/go.sum": "go-sum/caddyserver__caddy__go.sum",
      "svc/web/package-lock.json": "npm-package-lock/actions__toolkit__package-lock.json",
      "svc/web/node_modules/x/package-lock.json":
        "npm-package-lock/BookStackApp__BookStack__package-lock.json",
      "svc/tools/Pipfile.lock": "pipfile-lock/bridgecrewio__checkov__Pipfile.lock",
      "other/Cargo.lock": "cargo-lock/helix-editor__helix__Cargo.lock",
    });
    const root = join(repo, "svc");
    const onDisk = await collectLockfiles({ root, exclude: ["tools"] });
    // Change the work tree after the commit: the commit's files are what counts.
    rmSync(join(root, "go.mod"));
    writeFileSync(join(root, "web/package-lock.json"), "{");
    const atCommit = await lockfilesAtCommit({ root, exclude: ["tools"], revision: "HEAD" });
    expect(atCommit.commit).toBe(sha);
    expect(atCommit.results.map((r) => r.file).sort()).toEqual(["go.mod", "go.sum", "web/package-lock.json"]);
    const byFile = (rs: typeof onDisk) => Object.fromEntries(rs.map((r) => [r.file, r]));
    expect(byFile(atCommit.results)).toEqual(byFile(onDisk));
    expect(atCommit.results.every((r) => r.errors.length === 0)).toBe(true);
  });

  it("honours an explicit lockfile list and non-recursive scans; a file missing there is simply absent", async () => {
    const repo = newRepo();
    commit(repo, "lockfiles", {
      "Cargo.lock": "cargo-lock/helix-editor__helix__Cargo.lock",
      "sub/Cargo.lock": "cargo-lock/BurntSushi__ripgrep__Cargo.lock",
    });
    const top = await lockfilesAtCommit({ root: repo, recursive: false, revision: "HEAD" });
    expect(top.results.map((r) => r.file)).toEqual(["Cargo.lock"]);
    const listed = await lockfilesAtCommit({
      root: repo,
      lockfiles: ["./sub/Cargo.lock", "new/Cargo.lock"],
      revision: "HEAD",
    });
    expect(listed.results.map((r) => r.file)).toEqual(["sub/Cargo.lock"]);
  });

  it("names the file and line of a lockfile that does not parse at the commit", async () => {
    const repo = newRepo();
    commit(repo, "broken", { "Cargo.lock": { text: "[[package]\n" } });
    const { results } = await lockfilesAtCommit({ root: repo, revision: "HEAD" });
    expect(results[0]!.errors[0]!.message).toMatch(/^Cargo\.lock:1: /);
    await expect(lockfilesAtCommit({ root: repo, revision: "no-such-branch" })).rejects.toThrow(
      "no-such-branch is not a commit in this clone and there is no remote to fetch it from",
    );
    // Nothing that reads as an option reaches git.
    for (const revision of ["--upload-pack=touch /tmp/pwned", "-h", "main branch", ""])
      await expect(lockfilesAtCommit({ root: repo, revision })).rejects.toThrow("is not a git revision");
    expect(gitIn(repo, "status", "--porcelain")).toBe("");
  });
});
