// Tags read from and written to a real git repository. Pushing uses whatever credentials git is given
// (in the release workflow, an http.extraheader passed through GIT_CONFIG_* variables, never a URL or
// .git/config that later steps could read).
import { execFileSync, spawnSync } from "node:child_process";
import type { TagPlan } from "./plan-tags.js";

function git(dir: string, args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

export function headCommit(dir: string): string {
  return git(dir, ["rev-parse", "HEAD"]);
}

/** Every tag with the commit it points at (annotated tags peeled to their commit). */
export function readTags(dir: string): Map<string, string> {
  const out = git(dir, [
    "for-each-ref",
    "refs/tags",
    "--format=%(refname:strip=2) %(objectname) %(*objectname)",
  ]);
  const tags = new Map<string, string>();
  for (const line of out.split("\n").filter(Boolean)) {
    const [name, object, peeled] = line.split(" ");
    tags.set(name!, peeled || object!);
  }
  return tags;
}

/** Whether `path` differs between `commit` and HEAD. */
export function changedSince(dir: string, commit: string, path: string): boolean {
  const result = spawnSync("git", ["diff", "--quiet", commit, "HEAD", "--", path], { cwd: dir });
  if (result.status === 0) return false;
  if (result.status === 1) return true;
  throw new Error(`git diff ${commit} HEAD -- ${path} failed: ${result.stderr?.toString().trim()}`);
}

/** Makes the plan's tags locally and, with a remote, pushes them in one atomic push: new tags without
 * force (an existing tag of that name on the remote makes the push fail), moving tags with force. */
export function applyTagPlan(dir: string, plan: TagPlan, remote?: string): void {
  for (const { tag, commit } of [...plan.create, ...plan.move]) git(dir, ["tag", "-f", tag, commit]);
  if (!remote) return;
  const refspecs = [
    ...plan.create.map(({ tag }) => `refs/tags/${tag}:refs/tags/${tag}`),
    ...plan.move.map(({ tag }) => `+refs/tags/${tag}:refs/tags/${tag}`),
  ];
  if (refspecs.length > 0) git(dir, ["push", "--atomic", remote, ...refspecs]);
}
