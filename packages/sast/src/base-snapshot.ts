// The scanned directory as it was at another commit, extracted with `git archive` into a temp dir,
// so `scope: new` can scan the base and keep only findings whose fingerprints it does not have.
import { execFile, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Where `head` branched from `base`: what the change is compared with, so findings the base branch gained
 * or lost after the branch point are not counted as the change's. Falls back to `base` when the history
 * does not reach a common commit (a shallow clone).
 */
export async function forkPoint(cwd: string, base: string, head: string): Promise<string> {
  try {
    const { stdout } = await run("git", ["merge-base", base, head], { cwd });
    return stdout.trim() || base;
  } catch {
    return base;
  }
}

/** Returns the temp dir (remove it when done) and the scanned directory inside it. */
export async function extractCommit(
  cwd: string,
  commit: string,
  tempDir: string,
): Promise<{ dir: string; root: string }> {
  const { stdout: prefix } = await run("git", ["rev-parse", "--show-prefix"], { cwd });
  const dir = await mkdtemp(join(tempDir, "sast-base-"));
  await new Promise<void>((resolve, reject) => {
    const git = spawn("git", ["archive", "--format=tar", commit], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const tar = spawn("tar", ["-x", "-f", "-", "-C", dir], { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    git.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    tar.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    git.stdout.pipe(tar.stdin);
    let gitCode: number | null = null;
    git.on("error", reject);
    tar.on("error", reject);
    git.on("close", (code) => (gitCode = code));
    tar.on("close", (code) => {
      if (code === 0 && gitCode === 0) resolve();
      else reject(new Error(`could not extract ${commit}: ${stderr.trim() || `exit ${gitCode}/${code}`}`));
    });
  });
  return { dir, root: join(dir, prefix.trim()) };
}
