import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGitHubContext, ZERO_SHA } from "./context.js";

function withEvent(eventName: string, payload: unknown) {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-ctx-"));
  const path = join(dir, "event.json");
  writeFileSync(path, JSON.stringify(payload));
  return readGitHubContext({
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_WORKSPACE: dir,
    GITHUB_API_URL: "http://127.0.0.1:9/",
  });
}

const base = { ref: "main", sha: "a".repeat(40), repo: { full_name: "octo/app" } };

describe("readGitHubContext", () => {
  it("reads a pull request's base and head", () => {
    const ctx = withEvent("pull_request", {
      pull_request: {
        number: 7,
        base,
        head: { ref: "feature", sha: "b".repeat(40), repo: { full_name: "octo/app" } },
      },
    });
    expect(ctx.repository).toEqual({ owner: "octo", repo: "app" });
    expect(ctx.apiUrl).toBe("http://127.0.0.1:9");
    expect(ctx.pullRequest).toEqual({
      number: 7,
      baseRef: "main",
      baseSha: "a".repeat(40),
      headRef: "feature",
      headSha: "b".repeat(40),
      fromFork: false,
    });
  });

  it("marks pull requests from forks", () => {
    const ctx = withEvent("pull_request_target", {
      pull_request: {
        number: 8,
        base,
        head: { ref: "x", sha: "c".repeat(40), repo: { full_name: "someone/app" } },
      },
    });
    expect(ctx.pullRequest?.fromFork).toBe(true);
  });

  it("reads pushes, treating an all-zero before as a new branch", () => {
    expect(withEvent("push", { before: "1".repeat(40), after: "2".repeat(40), forced: true }).push).toEqual({
      before: "1".repeat(40),
      after: "2".repeat(40),
      forced: true,
    });
    expect(withEvent("push", { before: ZERO_SHA, after: "2".repeat(40) }).push).toEqual({
      after: "2".repeat(40),
      forced: false,
    });
  });

  it("reads merge groups and tolerates schedule and workflow_dispatch payloads", () => {
    expect(
      withEvent("merge_group", {
        merge_group: { base_sha: "a", head_sha: "b", head_ref: "gh-readonly-queue/main/pr-1" },
      }).mergeGroup,
    ).toEqual({ baseSha: "a", headSha: "b", headRef: "gh-readonly-queue/main/pr-1" });
    expect(withEvent("schedule", { schedule: "0 3 * * 1" }).pullRequest).toBeUndefined();
    expect(withEvent("workflow_dispatch", { inputs: {} }).eventName).toBe("workflow_dispatch");
  });
});
