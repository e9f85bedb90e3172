// The run's GitHub context, read from the runner's variables and event payload.
import type { Env } from "../env.js";
import { readFileSync } from "node:fs";

export const ZERO_SHA = "0000000000000000000000000000000000000000";

export interface PullRequestContext {
  number: number;
  baseRef: string;
  baseSha: string;
  headRef: string;
  headSha: string;
  /** Head in another repository: the token is read-only and comments will be refused. */
  fromFork: boolean;
}

export interface GitHubContext {
  eventName: string;
  repository?: { owner: string; repo: string };
  sha?: string;
  ref?: string;
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  runId?: string;
  runnerTemp?: string;
  /** Running under nektos/act. */
  act: boolean;
  pullRequest?: PullRequestContext;
  /** push: the commits pushed; `before` is undefined for a new branch (all zeros). */
  push?: { before?: string; after: string; forced: boolean };
  mergeGroup?: { baseSha: string; headSha: string; headRef: string };
}

interface EventPayload {
  pull_request?: {
    number: number;
    base: { ref: string; sha: string; repo?: { full_name?: string } };
    head: { ref: string; sha: string; repo?: { full_name?: string } | null };
  };
  before?: string;
  after?: string;
  forced?: boolean;
  merge_group?: { base_sha: string; head_sha: string; head_ref: string };
}

function readPayload(env: Env): EventPayload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as EventPayload;
  } catch (error) {
    throw new Error(`Cannot read the event payload ${path}: ${(error as Error).message}`);
  }
}

export function readGitHubContext(env: Env = process.env): GitHubContext {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const payload = readPayload(env);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const context: GitHubContext = {
    eventName,
    ...(owner && repo ? { repository: { owner, repo } } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/\/+$/, ""),
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, ""),
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
    ...(env.RUNNER_TEMP ? { runnerTemp: env.RUNNER_TEMP } : {}),
    act: env.ACT === "true",
  };
  const pr = payload.pull_request;
  if ((eventName === "pull_request" || eventName === "pull_request_target") && pr) {
    const baseRepo = pr.base.repo?.full_name;
    const headRepo = pr.head.repo?.full_name;
    context.pullRequest = {
      number: pr.number,
      baseRef: pr.base.ref,
      baseSha: pr.base.sha,
      headRef: pr.head.ref,
      headSha: pr.head.sha,
      // A deleted head repository counts as a fork: the token cannot write either way.
      fromFork: headRepo === undefined || (baseRepo !== undefined && headRepo !== baseRepo),
    };
  }
  if (eventName === "push" && payload.after) {
    context.push = {
      ...(payload.before && payload.before !== ZERO_SHA ? { before: payload.before } : {}),
      after: payload.after,
      forced: payload.forced === true,
    };
  }
  if (eventName === "merge_group" && payload.merge_group) {
    context.mergeGroup = {
      baseSha: payload.merge_group.base_sha,
      headSha: payload.merge_group.head_sha,
      headRef: payload.merge_group.head_ref,
    };
  }
  return context;
}
