// Tags read from the repository with the git CLI (annotated and lightweight), with their dates.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface GitTag {
  name: string;
  /** ISO date of the tag (annotated) or its commit (lightweight). */
  date?: string;
}

export async function listGitTags(root: string): Promise<GitTag[]> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      "git",
      ["for-each-ref", "--format=%(refname:strip=2)%09%(creatordate:iso-strict)", "refs/tags"],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    ));
  } catch (error) {
    const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new Error(`Cannot list git tags in ${root}: ${message}`);
  }
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [name, date] = line.split("\t");
      return { name: name!, ...(date ? { date } : {}) };
    });
}

/** True when git reports a shallow clone, whose tags may be missing (actions/checkout fetches none by default). */
export async function isShallowRepository(root: string): Promise<boolean> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--is-shallow-repository"], { cwd: root });
    return stdout.trim() === "true";
  } catch {
    return false;
  }
}
