// The run's GitHub context, read from the runner's variables and the event payload it wrote to disk.
import { readFileSync } from "node:fs";
import type { Env } from "../env.js";
import { parseRepository, type RepositoryRef } from "./repository.js";
import { DEFAULT_API_URL } from "./rest-client.js";

export const ZERO_SHA = "0000000000000000000000000000000000000000";

/** The events Bulwark behaves differently on; anything else is "other" (eventName keeps the name). */
export type EventKind =
  | "push"
  | "pull_request"
  | "pull_request_target"
  | "merge_group"
  | "schedule"
  | "workflow_dispatch"
  | "other";

export interface PullRequestContext {
  number: number;
  baseRef: string;
  baseSha: string;
  headRef: string;
  headSha: string;
  /** `owner/repo` of the head; undefined when the head repository was deleted. */
  headRepository?: string;
  /** Head in another repository (or a deleted one): on `pull_request` the token is read-only. */
  fromFork: boolean;
}

export interface PushContext {
  /** Undefined for a new branch or tag (the payload's `before` is all zeros). */
  before?: string;
  after: string;
  newBranch: boolean;
  /** The push deleted the ref (`after` is all zeros). */
  deleted: boolean;
  forced: boolean;
  /** Full ref pushed, e.g. refs/heads/main. */
  ref?: string;
}

export interface MergeGroupContext {
  baseSha: string;
  headSha: string;
  baseRef?: string;
  headRef: string;
}

export interface GitHubContext {
  eventName: string;
  event: EventKind;
  repository?: RepositoryRef;
  sha?: string;
  ref?: string;
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  runId?: string;
  runnerTemp?: string;
  /** Running under nektos/act (ACT=true). */
  act: boolean;
  pullRequest?: PullRequestContext;
  push?: PushContext;
  mergeGroup?: MergeGroupContext;
  /** schedule: the cron expression that fired. */
  schedule?: string;
  /** workflow_dispatch: the inputs given. */
  dispatchInputs?: Record<string, unknown>;
}

const KINDS: readonly EventKind[] = [
  "push",
  "pull_request",
  "pull_request_target",
  "merge_group",
  "schedule",
  "workflow_dispatch",
];

type Payload = Record<string, unknown>;

function readPayload(env: Env): Payload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(
      `Cannot read the event payload ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  let payload: unknown;
  try {
    payload = text.trim() ? JSON.parse(text) : {};
  } catch (error) {
    throw new Error(`The event payload ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(payload)) throw new Error(`The event payload ${path} is not a JSON object`);
  return payload;
}

export function readGitHubContext(env: Env = process.env): GitHubContext {
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const event = KINDS.includes(eventName as EventKind) ? (eventName as EventKind) : "other";
  const payload = readPayload(env);
  const where = env.GITHUB_EVENT_PATH ?? "event payload";
  const repository = parseRepository(env.GITHUB_REPOSITORY);
  const context: GitHubContext = {
    eventName,
    event,
    ...(repository ? { repository } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(env.GITHUB_REF ? { ref: env.GITHUB_REF } : {}),
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    apiUrl: (env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, ""),
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
    ...(env.RUNNER_TEMP ? { runnerTemp: env.RUNNER_TEMP } : {}),
    act: env.ACT === "true",
  };

  if ((event === "pull_request" || event === "pull_request_target") && payload.pull_request !== undefined) {
    context.pullRequest = pullRequestFrom(payload.pull_request, where);
  }
  if (event === "push" && typeof payload.after === "string") {
    const before = typeof payload.before === "string" ? payload.before : undefined;
    context.push = {
      ...(before && before !== ZERO_SHA ? { before } : {}),
      after: payload.after,
      newBranch: before === ZERO_SHA,
      deleted: payload.after === ZERO_SHA || payload.deleted === true,
      forced: payload.forced === true,
      ...(typeof payload.ref === "string" ? { ref: payload.ref } : {}),
    };
  }
  if (event === "merge_group" && payload.merge_group !== undefined) {
    const group = payload.merge_group;
    if (
      !isObject(group) ||
      !isString(group.base_sha) ||
      !isString(group.head_sha) ||
      !isString(group.head_ref)
    )
      throw new Error(`${where}: merge_group must have base_sha, head_sha and head_ref`);
    context.mergeGroup = {
      baseSha: group.base_sha,
      headSha: group.head_sha,
      ...(isString(group.base_ref) ? { baseRef: group.base_ref } : {}),
      headRef: group.head_ref,
    };
  }
  if (event === "schedule" && isString(payload.schedule)) context.schedule = payload.schedule;
  if (event === "workflow_dispatch" && isObject(payload.inputs)) context.dispatchInputs = payload.inputs;
  return context;
}

function pullRequestFrom(value: unknown, where: string): PullRequestContext {
  const pr = isObject(value) ? value : {};
  const base = isObject(pr.base) ? pr.base : {};
  const head = isObject(pr.head) ? pr.head : {};
  if (
    typeof pr.number !== "number" ||
    !isString(base.ref) ||
    !isString(base.sha) ||
    !isString(head.ref) ||
    !isString(head.sha)
  )
    throw new Error(`${where}: pull_request must have number, base.ref, base.sha, head.ref and head.sha`);
  const baseRepo = isObject(base.repo) && isString(base.repo.full_name) ? base.repo.full_name : undefined;
  const headRepo = isObject(head.repo) && isString(head.repo.full_name) ? head.repo.full_name : undefined;
  return {
    number: pr.number,
    baseRef: base.ref,
    baseSha: base.sha,
    headRef: head.ref,
    headSha: head.sha,
    ...(headRepo ? { headRepository: headRepo } : {}),
    // A deleted head repository (head.repo null) counts as a fork: the token cannot write either way.
    fromFork:
      headRepo === undefined || (baseRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase()),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
