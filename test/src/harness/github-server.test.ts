import { gunzipSync } from "node:zlib";
import { GitHubApiError, RepositoryApi, RestClient } from "@bulwark/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubServer } from "./github-server.js";

let server: GitHubServer;
beforeEach(async () => {
  server = await new GitHubServer({
    writeTokens: ["write-token"],
    readTokens: ["read-token"],
    releases: Array.from({ length: 130 }, (_, i) => ({ tag_name: `v1.${i}.0`, prerelease: i === 129 })),
  }).start();
});
afterEach(() => server.stop());

function api(token: string) {
  return new RepositoryApi(new RestClient({ apiUrl: server.url, token, backoffMs: 1 }), {
    owner: "octo",
    repo: "app",
  });
}

describe("RepositoryApi against the local GitHub server", () => {
  it("creates a sticky comment, then updates it in place", async () => {
    const first = await api("write-token").upsertComment(5, "<!-- bulwark:x -->", "<!-- bulwark:x -->\none");
    expect(first.status).toBe("created");
    const second = await api("write-token").upsertComment(5, "<!-- bulwark:x -->", "<!-- bulwark:x -->\ntwo");
    expect(second.status).toBe("updated");
    expect(server.comments).toEqual([{ id: 1000, issue: 5, body: "<!-- bulwark:x -->\ntwo" }]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /repos/octo/app/issues/5/comments",
      "POST /repos/octo/app/issues/5/comments",
      "GET /repos/octo/app/issues/5/comments",
      "PATCH /repos/octo/app/issues/comments/1000",
    ]);
  });

  it("skips with a reason when the token can only read (fork pull requests)", async () => {
    const outcome = await api("read-token").upsertComment(5, "<!-- m -->", "<!-- m -->\nx");
    expect(outcome).toMatchObject({ status: "skipped" });
    expect(server.comments).toHaveLength(0);
  });

  it("uploads SARIF gzip+base64 encoded", async () => {
    const sarif = JSON.stringify({ version: "2.1.0", runs: [] });
    const outcome = await api("write-token").uploadSarif({
      sarif,
      commitSha: "a".repeat(40),
      ref: "refs/heads/main",
    });
    expect(outcome.status).toBe("uploaded");
    expect(server.sarifUploads[0]).toMatchObject({
      commitSha: "a".repeat(40),
      ref: "refs/heads/main",
      sarif: { version: "2.1.0" },
    });
    const raw = server.requests[0]!.body as { sarif: string };
    expect(JSON.parse(gunzipSync(Buffer.from(raw.sarif, "base64")).toString())).toEqual({
      version: "2.1.0",
      runs: [],
    });
  });

  it("follows pagination past 100 items", async () => {
    const releases = await api("read-token").listReleases();
    expect(releases).toHaveLength(130);
    expect(releases[129]).toEqual({ tagName: "v1.129.0", name: "v1.129.0", draft: false, prerelease: true });
    expect(server.requests.filter((r) => r.path.endsWith("/releases"))).toHaveLength(2);
  });

  it("fails clearly on a bad token without echoing it", async () => {
    const error = await api("wrong-secret-token")
      .listReleases()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toContain("HTTP 401");
    expect((error as Error).message).not.toContain("wrong-secret-token");
  });
});
