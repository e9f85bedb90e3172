// The local GitHub server, exercised through core's own REST client: what the actions will really send.
import { gunzipSync } from "node:zlib";
import { ActionRunner, GitHubApiError, readGitHubContext, RepositoryApi, RestClient } from "@bulwark/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubServer } from "./github-server.js";

const MARKER = "<!-- bulwark:supported-versions -->";

let server: GitHubServer;
beforeEach(async () => {
  server = await new GitHubServer({
    writeTokens: ["write-token"],
    readTokens: ["read-token"],
    releases: Array.from({ length: 130 }, (_, i) => ({ tag_name: `v1.${i}.0`, prerelease: i === 129 })),
    tags: Array.from({ length: 250 }, (_, i) => ({
      name: `v0.${i}.0`,
      sha: i.toString(16).padStart(40, "0"),
    })),
  }).start();
});
afterEach(() => server.stop());

function api(token: string, on: GitHubServer = server) {
  return new RepositoryApi(new RestClient({ apiUrl: on.url, token, backoffMs: 1 }), {
    owner: "octo",
    repo: "app",
  });
}

describe("issue comments", () => {
  it("creates a sticky comment, then updates it in place", async () => {
    const first = await api("write-token").upsertComment(5, MARKER, `${MARKER}\none`);
    expect(first).toMatchObject({ status: "created", id: 1000 });
    const second = await api("write-token").upsertComment(5, MARKER, `${MARKER}\ntwo`);
    expect(second).toMatchObject({ status: "updated", id: 1000 });
    expect(server.comments).toEqual([{ id: 1000, issue: 5, body: `${MARKER}\ntwo` }]);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /repos/octo/app/issues/5/comments 200",
      "POST /repos/octo/app/issues/5/comments 201",
      "GET /repos/octo/app/issues/5/comments 200",
      "PATCH /repos/octo/app/issues/comments/1000 200",
    ]);
    expect(server.requests.every((r) => r.apiVersion === "2022-11-28")).toBe(true);
    expect(server.requests[0]!.authorization).toMatch(/^Bearer /);
  });

  it("finds the sticky comment past the first page of a busy pull request", async () => {
    const busy = await new GitHubServer({
      writeTokens: ["write-token"],
      comments: [
        ...Array.from({ length: 140 }, (_, i) => ({ issue: 9, body: `review comment ${i}` })),
        { issue: 9, body: `${MARKER}\nold` },
        { issue: 10, body: `${MARKER}\nother pull request` },
      ],
    }).start();
    try {
      expect(await api("write-token", busy).listComments(9)).toHaveLength(141);
      const outcome = await api("write-token", busy).upsertComment(9, MARKER, `${MARKER}\nnew`);
      expect(outcome).toMatchObject({ status: "updated", id: 1140 });
      expect(busy.comments.filter((c) => c.body.includes(MARKER)).map((c) => c.body)).toEqual([
        `${MARKER}\nnew`,
        `${MARKER}\nother pull request`,
      ]);
      expect(busy.requests.filter((r) => r.method === "GET").map((r) => r.query)).toEqual([
        { per_page: "100" },
        { per_page: "100", page: "2" },
        { per_page: "100" },
        { per_page: "100", page: "2" },
      ]);
    } finally {
      await busy.stop();
    }
  });

  it("creates, reads back and updates single comments", async () => {
    const created = await api("write-token").createComment(3, "hello");
    const updated = await api("write-token").updateComment(created.id, "hello again");
    expect(updated).toMatchObject({ id: created.id, body: "hello again" });
    expect((await api("read-token").listComments(3)).map((c) => c.body)).toEqual(["hello again"]);
    await expect(api("write-token").updateComment(999_999, "x")).rejects.toThrow("HTTP 404");
  });

  it("skips with a notice, not a failure, when the token can only read (fork pull requests)", async () => {
    const outcome = await api("read-token").upsertComment(5, MARKER, `${MARKER}\nx`);
    expect(outcome).toEqual({
      status: "skipped",
      reason:
        "the token cannot write pull request comments here; fork pull requests and read-only tokens cannot (HTTP 403)",
    });
    expect(server.comments).toHaveLength(0);
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(["GET 200", "POST 403"]);

    const lines: string[] = [];
    const runner = new ActionRunner({}, { write: (t) => lines.push(t), setExitCode: () => {} });
    if (outcome.status === "skipped") runner.notice(`Skipped the pull request comment: ${outcome.reason}`);
    expect(lines).toEqual([
      "::notice::Skipped the pull request comment: the token cannot write pull request comments here; fork pull requests and read-only tokens cannot (HTTP 403)\n",
    ]);
    expect(runner.exitCode).toBe(0);
  });
});

describe("code scanning", () => {
  it("uploads SARIF gzip+base64 encoded and answers 202 with the documented id and url", async () => {
    const sarif = JSON.stringify({ version: "2.1.0", runs: [] });
    const outcome = await api("write-token").uploadSarif({
      sarif,
      commitSha: "a".repeat(40),
      ref: "refs/heads/main",
      checkoutUri: "file:///home/runner/work/app/app",
      toolName: "supported-versions",
    });
    expect(outcome).toMatchObject({ status: "uploaded", id: "1000-sarif" });
    expect(outcome.status === "uploaded" && outcome.url).toBe(
      `${server.url}/repos/octo/app/code-scanning/sarifs/1000-sarif`,
    );
    expect(server.sarifUploads[0]).toMatchObject({
      commitSha: "a".repeat(40),
      ref: "refs/heads/main",
      toolName: "supported-versions",
      checkoutUri: "file:///home/runner/work/app/app",
      sarif: { version: "2.1.0", runs: [] },
    });
    const raw = server.requests[0]!.body as { sarif: string };
    expect(gunzipSync(Buffer.from(raw.sarif, "base64")).toString()).toBe(sarif);
    expect(server.requests[0]!.status).toBe(202);
  });

  it("skips when code scanning is off or the token is read-only", async () => {
    const off = await new GitHubServer({ writeTokens: ["write-token"], codeScanningDisabled: true }).start();
    try {
      const upload = { sarif: "{}", commitSha: "b".repeat(40), ref: "refs/pull/7/head" };
      expect((await api("write-token", off).uploadSarif(upload)).status).toBe("skipped");
      expect((await api("read-token").uploadSarif(upload)).status).toBe("skipped");
      expect(off.sarifUploads).toHaveLength(0);
      expect(server.sarifUploads).toHaveLength(0);
    } finally {
      await off.stop();
    }
  });
});

describe("tags, releases and pagination", () => {
  it("follows pagination past 100 items", async () => {
    const releases = await api("read-token").listReleases();
    expect(releases).toHaveLength(130);
    expect(releases[129]).toEqual({ tagName: "v1.129.0", name: "v1.129.0", draft: false, prerelease: true });
    expect(server.requests.filter((r) => r.path.endsWith("/releases"))).toHaveLength(2);

    const tags = await api("read-token").listTags();
    expect(tags).toHaveLength(250);
    expect(tags[249]).toEqual({ name: "v0.249.0", sha: (249).toString(16).padStart(40, "0") });
    expect(server.requests.filter((r) => r.path.endsWith("/tags")).map((r) => r.query.page)).toEqual([
      undefined,
      "2",
      "3",
    ]);
  });

  it("pages with GitHub's defaults when per_page is not given", async () => {
    const response = await fetch(`${server.url}/repos/octo/app/tags?page=2`, {
      headers: { authorization: "Bearer read-token" },
    });
    expect(((await response.json()) as unknown[]).length).toBe(30);
    expect(response.headers.get("link")).toBe(
      [
        `<${server.url}/repos/octo/app/tags?page=1&per_page=30>; rel="prev"`,
        `<${server.url}/repos/octo/app/tags?page=1&per_page=30>; rel="first"`,
        `<${server.url}/repos/octo/app/tags?page=3&per_page=30>; rel="next"`,
        `<${server.url}/repos/octo/app/tags?page=9&per_page=30>; rel="last"`,
      ].join(", "),
    );
  });
});

describe("auth, versions and faults", () => {
  it("answers 401 without a token or with a wrong one, and the error never echoes the token", async () => {
    const error = await api("wrong-secret-token")
      .listReleases()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe(
      "GitHub API GET /repos/octo/app/releases failed: HTTP 401 (Bad credentials)",
    );
    expect((error as Error).message).not.toContain("wrong-secret-token");
    const anonymous = await fetch(`${server.url}/repos/octo/app/releases`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toBe("Requires authentication");
  });

  it("serves under a GitHub Enterprise Server base path, which the client honours from GITHUB_API_URL", async () => {
    const ghes = await new GitHubServer({
      readTokens: ["t"],
      basePath: "/api/v3",
      tags: [{ name: "v1", sha: "1".repeat(40) }],
    }).start();
    try {
      expect(ghes.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
      const context = readGitHubContext({ GITHUB_API_URL: `${ghes.url}/`, GITHUB_REPOSITORY: "octo/app" });
      const client = new RestClient({ apiUrl: context.apiUrl, token: "t" });
      expect(await new RepositoryApi(client, context.repository!).listTags()).toEqual([
        { name: "v1", sha: "1".repeat(40) },
      ]);
      expect(ghes.requests.map((r) => `${r.path} ${r.status}`)).toEqual(["/repos/octo/app/tags 200"]);
      const outside = await fetch(ghes.url.replace("/api/v3", "/repos/octo/app/tags"), {
        headers: { authorization: "Bearer t" },
      });
      expect(outside.status).toBe(404);
    } finally {
      await ghes.stop();
    }
  });

  it("rejects unsupported API versions", async () => {
    const response = await fetch(`${server.url}/repos/octo/app/tags`, {
      headers: { authorization: "Bearer read-token", "x-github-api-version": "2020-01-01" },
    });
    expect(response.status).toBe(400);
  });

  it("lets the client ride out queued 5xx and 429 faults", async () => {
    server.failNext(
      { status: 502, pathSuffix: "/comments" },
      { status: 429, headers: { "retry-after": "0" }, pathSuffix: "/comments" },
    );
    const outcome = await api("write-token").upsertComment(1, MARKER, `${MARKER}\nbody`);
    expect(outcome.status).toBe("created");
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      "GET 502",
      "GET 429",
      "GET 200",
      "POST 201",
    ]);
  });
});
