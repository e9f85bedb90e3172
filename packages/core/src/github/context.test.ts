// Payloads in fixtures/events are trimmed from the shapes GitHub documents for each webhook event.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readGitHubContext, ZERO_SHA } from "./context.js";

const fixtures = fileURLToPath(new URL("./fixtures/events/", import.meta.url));

function contextFor(eventName: string, fixture: string, extra: Record<string, string> = {}) {
  return readGitHubContext({
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: join(fixtures, fixture),
    GITHUB_REPOSITORY: "octo-org/hello-world",
    GITHUB_SHA: "ffffffffffffffffffffffffffffffffffffffff",
    GITHUB_REF: "refs/heads/main",
    GITHUB_WORKSPACE: "/home/runner/work/hello-world/hello-world",
    ...extra,
  });
}

describe("readGitHubContext", () => {
  it("reads the runner's variables, with GitHub.com defaults for the URLs", () => {
    const ctx = contextFor("push", "push.json", { RUNNER_TEMP: "/tmp/r", GITHUB_RUN_ID: "99" });
    expect(ctx).toMatchObject({
      eventName: "push",
      event: "push",
      repository: { owner: "octo-org", repo: "hello-world" },
      sha: "ffffffffffffffffffffffffffffffffffffffff",
      ref: "refs/heads/main",
      workspace: "/home/runner/work/hello-world/hello-world",
      apiUrl: "https://api.github.com",
      serverUrl: "https://github.com",
      runnerTemp: "/tmp/r",
      runId: "99",
      act: false,
    });
    const ghes = contextFor("push", "push.json", {
      GITHUB_API_URL: "https://ghe.example.com/api/v3/",
      GITHUB_SERVER_URL: "https://ghe.example.com",
      ACT: "true",
    });
    expect(ghes.apiUrl).toBe("https://ghe.example.com/api/v3");
    expect(ghes.serverUrl).toBe("https://ghe.example.com");
    expect(ghes.act).toBe(true);
  });

  it("reads a pull request's number, base and head from the same repository", () => {
    const ctx = contextFor("pull_request", "pull_request.opened.json");
    expect(ctx.event).toBe("pull_request");
    expect(ctx.pullRequest).toEqual({
      number: 42,
      baseRef: "main",
      baseSha: "9049f1265b7d61be4a8904a9a27120d2064dab3b",
      headRef: "feature/support-3x",
      headSha: "6dcb09b5b57875f334f61aebed695e2e4193db5e",
      headRepository: "octo-org/hello-world",
      fromFork: false,
    });
    expect(ctx.push).toBeUndefined();
  });

  it("marks pull requests from forks and from deleted head repositories", () => {
    const fork = contextFor("pull_request", "pull_request.fork.json").pullRequest;
    expect(fork).toMatchObject({ number: 43, fromFork: true, headRepository: "contributor/hello-world" });
    const target = contextFor("pull_request_target", "pull_request_target.deleted-fork.json");
    expect(target.event).toBe("pull_request_target");
    expect(target.pullRequest).toMatchObject({ number: 44, headRef: "old", fromFork: true });
    expect(target.pullRequest?.headRepository).toBeUndefined();
  });

  it("reads pushes: before/after, new branches, deletions and force pushes", () => {
    expect(contextFor("push", "push.json").push).toEqual({
      before: "9049f1265b7d61be4a8904a9a27120d2064dab3b",
      after: "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
      newBranch: false,
      deleted: false,
      forced: false,
      ref: "refs/heads/main",
    });
    expect(contextFor("push", "push.new-branch.json").push).toEqual({
      after: "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
      newBranch: true,
      deleted: false,
      forced: false,
      ref: "refs/heads/release/3.x",
    });
    expect(contextFor("push", "push.forced-delete.json").push).toMatchObject({
      after: ZERO_SHA,
      deleted: true,
      forced: true,
      newBranch: false,
    });
  });

  it("reads merge groups", () => {
    const ctx = contextFor("merge_group", "merge_group.json");
    expect(ctx.event).toBe("merge_group");
    expect(ctx.mergeGroup).toEqual({
      baseSha: "9049f1265b7d61be4a8904a9a27120d2064dab3b",
      headSha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      baseRef: "refs/heads/main",
      headRef: "refs/heads/gh-readonly-queue/main/pr-42-9049f1265b7d61be4a8904a9a27120d2064dab3b",
    });
  });

  it("reads schedule and workflow_dispatch, and calls other events 'other'", () => {
    expect(contextFor("schedule", "schedule.json")).toMatchObject({
      event: "schedule",
      schedule: "17 3 * * 1",
    });
    expect(contextFor("workflow_dispatch", "workflow_dispatch.json")).toMatchObject({
      event: "workflow_dispatch",
      dispatchInputs: { "fail-on": "high", "dry-run": false },
    });
    const other = contextFor("release", "push.json");
    expect(other.event).toBe("other");
    expect(other.eventName).toBe("release");
    expect(other.push).toBeUndefined();
  });

  it("works without an event file, as in a plain shell", () => {
    const ctx = readGitHubContext({});
    expect(ctx).toMatchObject({
      eventName: "",
      event: "other",
      act: false,
      apiUrl: "https://api.github.com",
    });
    expect(ctx.repository).toBeUndefined();
  });

  it("names the file when the payload is missing, not JSON, or malformed", () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-ctx-"));
    const bad = join(dir, "event.json");
    writeFileSync(bad, "{ not json");
    expect(() => readGitHubContext({ GITHUB_EVENT_PATH: bad })).toThrow(`${bad} is not valid JSON`);
    expect(() => readGitHubContext({ GITHUB_EVENT_PATH: join(dir, "missing.json") })).toThrow(
      /Cannot read the event payload .*missing\.json: ENOENT/,
    );
    writeFileSync(bad, JSON.stringify({ pull_request: { number: 1, base: { ref: "main" } } }));
    expect(() => readGitHubContext({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: bad })).toThrow(
      `${bad}: pull_request must have number, base.ref, base.sha, head.ref and head.sha`,
    );
  });
});
