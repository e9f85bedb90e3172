// Which GitHub writes a run may make. Without a token none can happen. Under nektos/act (ACT=true) no
// token is given by default, so nothing is written; a user who passes one (-s GITHUB_TOKEN=...) has
// asked for the writes. Skips are announced in one notice that lists them, never turned into failures.
import type { Env } from "../env.js";
import type { GitHubContext } from "../github/context.js";

export type GitHubWrite = "pull-request-comment" | "code-scanning-upload";

const DESCRIPTIONS: Record<GitHubWrite, string> = {
  "pull-request-comment": "the pull request comment",
  "code-scanning-upload": "the code-scanning upload",
};

export interface SkippedGitHubWrite {
  write: GitHubWrite;
  reason: string;
}

export interface GitHubWritePlan {
  allowed: GitHubWrite[];
  skipped: SkippedGitHubWrite[];
  /** Requested but meaningless for this event (a comment outside a pull request): neither done nor announced. */
  notApplicable: GitHubWrite[];
  /** One sentence naming every skipped write and why; undefined when nothing was skipped. */
  notice?: string;
}

export function isAct(env: Env): boolean {
  return env.ACT === "true";
}

export function describeWrite(write: GitHubWrite): string {
  return DESCRIPTIONS[write];
}

export function planGitHubWrites(
  requested: readonly GitHubWrite[],
  options: {
    token?: string;
    context: Pick<GitHubContext, "act" | "repository" | "pullRequest" | "sha" | "ref">;
    env?: Env;
  },
): GitHubWritePlan {
  const { context } = options;
  const plan: GitHubWritePlan = { allowed: [], skipped: [], notApplicable: [] };
  for (const write of new Set(requested)) {
    if (write === "pull-request-comment" && !context.pullRequest) {
      plan.notApplicable.push(write);
      continue;
    }
    const reason = skipReason(write, options);
    if (reason) plan.skipped.push({ write, reason });
    else plan.allowed.push(write);
  }
  if (plan.skipped.length > 0) {
    const parts = plan.skipped.map((s) => `${DESCRIPTIONS[s.write]} (${s.reason})`);
    plan.notice = `Skipped GitHub writes: ${parts.join("; ")}. The check itself ran in full.`;
  }
  return plan;
}

function skipReason(
  write: GitHubWrite,
  { token, context }: Parameters<typeof planGitHubWrites>[1],
): string | undefined {
  if (!token) {
    return context.act
      ? "no token; under act pass one with -s GITHUB_TOKEN=... to allow writes"
      : "no token; set the action's token input, e.g. token: ${{ github.token }}";
  }
  if (!context.repository) return "GITHUB_REPOSITORY is not set";
  if (write === "code-scanning-upload") {
    const sha = context.pullRequest?.headSha ?? context.sha;
    const ref = context.pullRequest ? `refs/pull/${context.pullRequest.number}/head` : context.ref;
    if (!sha || !ref) return "the run has no commit SHA or ref to attach results to";
  }
  return undefined;
}
