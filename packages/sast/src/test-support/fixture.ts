// The deliberately vulnerable fixture repository, and copies of it as real git repositories.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURE = fileURLToPath(new URL("../../fixtures/vulnerable/", import.meta.url));

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    encoding: "utf8",
  });
}

/** A temp copy of the fixture, committed as the first commit of a new repository. */
export function fixtureRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-sast-"));
  cpSync(FIXTURE, dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.test");
  git(dir, "config", "user.name", "Dev");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "init");
  return dir;
}

/** "rule path:line" keys, sorted: what the native-output comparisons compare. */
export function keys(items: { ruleId: string; path: string; line?: number }[]): string[] {
  return items.map((f) => `${f.ruleId} ${f.path}:${f.line}`).sort();
}
