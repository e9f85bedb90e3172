// The lines a change added or modified, from `git diff base...head`: what `scope: changed-lines` keeps.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Path (relative to the repository root) to the set of new-side line numbers added or changed. */
export type ChangedLines = Map<string, Set<number>>;

export function parseUnifiedDiff(diff: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const target = line.slice(4).replace(/\t.*$/, "");
      if (target === "/dev/null") {
        current = undefined;
        continue;
      }
      const path = target.replace(/^b\//, "").replace(/^"(.*)"$/, "$1");
      current = changed.get(path) ?? new Set();
      changed.set(path, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changed;
}

/** Runs `git diff --unified=0 base...head` in `cwd`; throws with git's message when it cannot. */
export async function changedLines(cwd: string, base: string, head: string): Promise<ChangedLines> {
  try {
    const { stdout } = await run(
      "git",
      [
        "-c",
        "core.quotePath=false",
        "diff",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--no-renames",
        // Paths relative to cwd (the scanned root, maybe a subdirectory), as finding paths are.
        "--relative",
        `${base}...${head}`,
        "--",
      ],
      { cwd, maxBuffer: 512 * 1024 * 1024 },
    );
    return parseUnifiedDiff(stdout);
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`git diff ${base}...${head} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}
