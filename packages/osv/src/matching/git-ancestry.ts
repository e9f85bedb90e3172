// Commit ancestry from local clones, for GIT ranges: `git merge-base --is-ancestor` answers
// "is A reachable from D". Memoised, since a range's events are checked for every query.
import { spawnSync } from "node:child_process";
import { normalizeRepoUrl } from "../records/repo-url.js";
import type { GitAncestry } from "./is-affected.js";

/**
 * A GitAncestry over local clones, keyed by repository URL (any spelling: `.git`, case, trailing `/`).
 * Repositories without a clone, and commits a clone lacks, answer undefined (unknown), which leaves the
 * package unresolved rather than clean.
 */
export function gitAncestryFromClones(clones: Record<string, string>): GitAncestry {
  const dirs = new Map(Object.entries(clones).map(([url, dir]) => [normalizeRepoUrl(url), dir]));
  const memo = new Map<string, boolean | undefined>();
  return (repo, ancestor, descendant) => {
    const dir = dirs.get(normalizeRepoUrl(repo));
    if (dir === undefined) return undefined;
    const key = `${dir}\0${ancestor}\0${descendant}`;
    if (memo.has(key)) return memo.get(key);
    const res = spawnSync("git", ["merge-base", "--is-ancestor", ancestor, descendant], {
      cwd: dir,
      stdio: "ignore",
    });
    // 0: ancestor; 1: not an ancestor; anything else (128: unknown commit): cannot say.
    const answer = res.status === 0 ? true : res.status === 1 ? false : undefined;
    memo.set(key, answer);
    return answer;
  };
}
