// Real git repositories for tests: files from ../shared/lockfiles (or text), committed with the git CLI.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { LOCKFILES_DIR } from "../../../osv/src/test-support/shared-data.js";

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  HOME: tmpdir(),
};

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: ENV, encoding: "utf8" }).trim();
}

export function newRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-osv-git-"));
  gitIn(dir, "init", "-q", "-b", "main");
  return dir;
}

/** What a commit does to a file: copy a real lockfile, write text, edit the current text, or delete. */
export type Change = string | { text: string } | { edit: (text: string) => string } | null;

/** Applies the changes and commits them; returns the commit id. */
export function commit(dir: string, message: string, changes: Record<string, Change>): string {
  for (const [name, change] of Object.entries(changes)) {
    const to = join(dir, name);
    if (change === null) {
      rmSync(to);
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    if (typeof change === "string") copyFileSync(join(LOCKFILES_DIR, change), to);
    else if ("text" in change) writeFileSync(to, change.text);
    else writeFileSync(to, change.edit(readFileSync(to, "utf8")));
  }
  gitIn(dir, "add", "-A");
  gitIn(dir, "commit", "-q", "-m", message);
  return gitIn(dir, "rev-parse", "HEAD");
}
