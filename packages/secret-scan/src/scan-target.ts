// What to scan for the `scan` input: the working tree, whole history, an explicit range, or on
// pull_request/push events only the commits the event brought.
import type { GitHubContext, PushContext } from "@bulwark/core";
import { git } from "./git.js";

export type ScanMode = "auto" | "tree" | "history" | "diff";

export type ScanTarget =
  | { kind: "tree"; reason: string }
  | {
      kind: "history";
      revisions: string[];
      reason: string;
      base?: string;
      head?: string;
      /** A push's range: when `base` cannot be had (a force push dropped it), scan like a new branch. */
      push?: PushContext;
    }
  | { kind: "nothing"; reason: string };

/** Remote branches other than the one pushed: their commits are already known, so a new branch scans only its own. */
async function otherRemoteRefs(cwd: string, pushedRef: string | undefined): Promise<string[]> {
  const out = await git(cwd, ["for-each-ref", "--format=%(refname)", "refs/remotes"]);
  const branch = pushedRef?.replace(/^refs\/heads\//, "");
  return out.stdout
    .split("\n")
    .map((s) => s.trim())
    .filter(
      (r) => r && !r.endsWith("/HEAD") && !(branch && r.replace(/^refs\/remotes\/[^/]+\//, "") === branch),
    );
}

export async function chooseTarget(
  mode: ScanMode,
  historyRange: string | undefined,
  context: GitHubContext,
  cwd: string,
): Promise<ScanTarget> {
  if (historyRange) {
    const revisions = historyRange.split(/\s+/).filter(Boolean);
    // Handed to `git log` as they are: a word git would read as an option (`--output=...`) is refused.
    const option = revisions.find((r) => r.startsWith("-"));
    if (option)
      throw new Error(`history-range: "${option}" reads as a git option; give revisions and ranges only`);
    return { kind: "history", revisions, reason: `range ${historyRange}` };
  }
  if (mode === "tree") return { kind: "tree", reason: "working tree" };
  if (mode === "history")
    return { kind: "history", revisions: ["HEAD"], reason: "every commit reachable from HEAD" };
  const pr = context.pullRequest;
  if (pr) {
    return {
      kind: "history",
      revisions: [`${pr.baseSha}..${pr.headSha}`],
      base: pr.baseSha,
      head: pr.headSha,
      reason: `pull request #${pr.number}: commits ${pr.baseSha.slice(0, 12)}..${pr.headSha.slice(0, 12)}`,
    };
  }
  const mg = context.mergeGroup;
  if (mg) {
    return {
      kind: "history",
      revisions: [`${mg.baseSha}..${mg.headSha}`],
      base: mg.baseSha,
      head: mg.headSha,
      reason: `merge group: commits ${mg.baseSha.slice(0, 12)}..${mg.headSha.slice(0, 12)}`,
    };
  }
  const push = context.push;
  if (push) {
    if (push.deleted) return { kind: "nothing", reason: "the push deleted the ref" };
    if (push.before === push.after)
      return { kind: "nothing", reason: "the push brought no new commits (before and after are the same)" };
    if (push.before) {
      return {
        push,
        kind: "history",
        revisions: [`${push.before}..${push.after}`],
        base: push.before,
        head: push.after,
        reason: `push: commits ${push.before.slice(0, 12)}..${push.after.slice(0, 12)}`,
      };
    }
    return newBranchTarget(cwd, push);
  }
  if (mode === "diff")
    throw new Error('scan: diff needs a pull_request, merge_group or push event, or "history-range"');
  return { kind: "tree", reason: "working tree" };
}

/** A pushed branch with no usable `before`: its commits that are on no other remote branch. */
export async function newBranchTarget(
  cwd: string,
  push: PushContext,
  why = "new branch",
): Promise<ScanTarget> {
  const others = await otherRemoteRefs(cwd, push.ref);
  if (others.length > 0) {
    return {
      kind: "history",
      revisions: [push.after, "--not", ...others],
      reason: `${why}: commits of ${push.after.slice(0, 12)} not on any other remote branch`,
    };
  }
  return { kind: "tree", reason: `${why} with no other remote branch to compare with: working tree` };
}
