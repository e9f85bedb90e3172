// Real git repositories in temp dirs for tests.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (null deletes) and commits them; returns the new commit's sha. */
  commit(message: string, files: Record<string, string | Buffer | null>, author?: string): string;
}

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    stdio: "pipe",
    encoding: "utf8",
  });
}

export function makeRepo(prefix = "bulwark-secret-scan-"): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) => gitIn(dir, ...args);
  git("init", "-q", "-b", "main");
  git("config", "user.email", "dev@example.test");
  git("config", "user.name", "Dev");
  git("config", "protocol.file.allow", "always");
  let n = 0;
  return {
    dir,
    git,
    commit(message, files, author) {
      for (const [name, content] of Object.entries(files)) {
        const file = join(dir, name);
        if (content === null) rmSync(file);
        else {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, content);
        }
      }
      git("add", "-A");
      n++;
      const date = `2024-01-${String(n).padStart(2, "0")}T10:00:00Z`;
      execFileSync(
        "git",
        ["commit", "-q", "--allow-empty", "-m", message, ...(author ? [`--author=${author}`] : [])],
        {
          cwd: dir,
          env: {
            ...process.env,
            GIT_CONFIG_GLOBAL: "/dev/null",
            GIT_AUTHOR_DATE: date,
            GIT_COMMITTER_DATE: date,
          },
          stdio: "pipe",
        },
      );
      return git("rev-parse", "HEAD").trim();
    },
  };
}
