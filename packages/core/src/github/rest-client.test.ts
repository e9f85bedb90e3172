// The transport against a real HTTP server on 127.0.0.1 that answers the way GitHub does when it is
// overloaded (5xx), rate limiting (429, 403 + Retry-After) or refusing (401/404 with a JSON message).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodeSarif, MAX_SARIF_GZIP_BYTES, SarifTooLargeError, uploadSarif } from "./code-scanning.js";
import { upsertStickyComment } from "./issue-comments.js";
import { nextPageUrl } from "./pagination.js";
import { GitHubApiError, parseRetryAfter, RestClient } from "./rest-client.js";

interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

let server: Server;
let url: string;
let replies: Reply[];
let seen: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[];

beforeEach(async () => {
  replies = [];
  seen = [];
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, path: req.url!, headers: req.headers, body });
      const reply = replies.shift() ?? { status: 404, body: '{"message":"Not Found"}' };
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3/`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

const waits: number[] = [];
function client(extra: Partial<ConstructorParameters<typeof RestClient>[0]> = {}) {
  waits.length = 0;
  return new RestClient({
    apiUrl: url,
    token: "ghp_S3CRET",
    backoffMs: 100,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  });
}

describe("RestClient", () => {
  it("sends the token, API version and JSON under the base URL's path", async () => {
    replies.push({ status: 201, body: '{"id":1}' });
    const { status, data } = await client().request<{ id: number }>("POST", "/repos/o/r/things", { a: 1 });
    expect({ status, data }).toEqual({ status: 201, data: { id: 1 } });
    expect(seen[0]).toMatchObject({ method: "POST", path: "/api/v3/repos/o/r/things", body: '{"a":1}' });
    expect(seen[0]!.headers).toMatchObject({
      authorization: "Bearer ghp_S3CRET",
      "x-github-api-version": "2022-11-28",
      accept: "application/vnd.github+json",
      "content-type": "application/json",
    });
  });

  it("retries 5xx with doubling backoff, then succeeds", async () => {
    replies.push({ status: 502 }, { status: 503 }, { status: 200, body: "[]" });
    expect((await client().request("GET", "/x")).data).toEqual([]);
    expect(seen).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
  });

  it("honours Retry-After on 429 and on 403 secondary rate limits, bounded", async () => {
    replies.push(
      { status: 429, headers: { "retry-after": "3" } },
      { status: 403, headers: { "retry-after": "3600" }, body: '{"message":"secondary rate limit"}' },
      { status: 200, body: "{}" },
    );
    await client({ maxRetryAfterSeconds: 10 }).request("GET", "/x");
    expect(waits).toEqual([3000, 10_000]);
  });

  it("gives up after the attempts, saying what happened, without the token", async () => {
    replies.push({ status: 500 }, { status: 500 }, { status: 500 });
    const error = await client({ attempts: 3 })
      .request("GET", "/repos/o/r/releases")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe(
      "GitHub API GET /api/v3/repos/o/r/releases failed after 3 attempts: HTTP 500",
    );
    expect(seen).toHaveLength(3);
  });

  it("does not retry other client errors and quotes GitHub's message, never the credentials", async () => {
    replies.push({ status: 401, body: '{"message":"Bad credentials"}' });
    const error = (await client()
      .request("GET", "/user")
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error.status).toBe(401);
    expect(error.message).toBe("GitHub API GET /api/v3/user failed: HTTP 401 (Bad credentials)");
    expect(JSON.stringify(error) + error.stack).not.toContain("S3CRET");
    expect(seen).toHaveLength(1);
  });

  it("cuts the token out of an error message a server echoes", async () => {
    replies.push({ status: 400, body: '{"message":"bad header Bearer ghp_S3CRET"}' });
    await expect(client().request("GET", "/x")).rejects.toThrow(
      "GitHub API GET /api/v3/x failed: HTTP 400 (bad header Bearer ***)",
    );
  });

  it("reports network failures by kind only", async () => {
    const dead = new RestClient({
      apiUrl: "http://127.0.0.1:9",
      token: "ghp_S3CRET",
      attempts: 2,
      sleep: async () => {},
    });
    const error = (await dead.request("GET", "/x").catch((e: unknown) => e)) as GitHubApiError;
    expect(error.message).toMatch(/^GitHub API GET \/x failed after 2 attempts: network error \(\w+\)$/);
    expect(error.message).not.toContain("S3CRET");
  });

  it("follows Link pages, and refuses links to another host", async () => {
    const page2 = `${url}items?per_page=100&page=2`;
    replies.push(
      { status: 200, body: "[1,2]", headers: { link: `<${page2}>; rel="next", <${page2}>; rel="last"` } },
      { status: 200, body: "[3]" },
    );
    expect(await client().paginate("/items")).toEqual([1, 2, 3]);
    expect(seen.map((s) => s.path)).toEqual([
      "/api/v3/items?per_page=100",
      "/api/v3/items?per_page=100&page=2",
    ]);

    replies.push({ status: 200, body: "[1]", headers: { link: '<https://evil.example/steal>; rel="next"' } });
    await expect(client().paginate("/items")).rejects.toThrow("link to another host (evil.example)");
    expect(seen).toHaveLength(3);
  });

  it("stops a server that never stops paging with an error, not a silent cut", async () => {
    for (let i = 0; i < 3; i++)
      replies.push({
        status: 200,
        body: "[1]",
        headers: { link: `<${url}items?page=${i + 2}>; rel="next"` },
      });
    await expect(client().paginate("/items", 3)).rejects.toThrow(
      "GitHub API GET /items: more than 3 pages, stopped",
    );
  });

  it("retries a success body that is not JSON, then fails naming what came", async () => {
    for (let i = 0; i < 4; i++)
      replies.push({
        status: 200,
        body: "<html>proxy login</html>",
        headers: { "content-type": "text/html" },
      });
    await expect(client().request("GET", "/x")).rejects.toThrow(
      "GitHub API GET /api/v3/x failed after 4 attempts: HTTP 200 with a body that is not JSON (text/html)",
    );
    expect(seen).toHaveLength(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it("passes once a garbled body is followed by GitHub's JSON", async () => {
    replies.push({ status: 200, body: '{"id": 1, "bo' }, { status: 200, body: '{"id":2}' });
    const { data } = await client().request<{ id: number }>("GET", "/x");
    expect(data).toEqual({ id: 2 });
    expect(waits).toEqual([100]);
  });
});

describe("Link and Retry-After parsing", () => {
  it("finds rel=next among other relations", () => {
    expect(nextPageUrl('<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel="next"')).toBe(
      "https://a/x?page=3",
    );
    expect(nextPageUrl('<https://a/x?page=1>; rel="first"')).toBeUndefined();
    expect(nextPageUrl(null)).toBeUndefined();
  });

  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-11-23T00:00:00Z");
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("SARIF encoding and sticky comment guards", () => {
  it("gzips and base64-encodes, and refuses logs over the limit before sending", async () => {
    const sarif = JSON.stringify({ version: "2.1.0", runs: [] });
    const { encoded } = encodeSarif(sarif);
    expect(gunzipSync(Buffer.from(encoded, "base64")).toString()).toBe(sarif);
    expect(() => encodeSarif("x".repeat(5000), 10)).toThrow(SarifTooLargeError);

    // Random text barely compresses, so this is over 10 MB gzipped: skipped, and nothing is sent.
    const huge = JSON.stringify({ blob: randomBytes(MAX_SARIF_GZIP_BYTES + 1024 * 1024).toString("base64") });
    const outcome = await uploadSarif(
      client(),
      { owner: "o", repo: "r" },
      {
        sarif: huge,
        commitSha: "a".repeat(40),
        ref: "refs/heads/main",
      },
    );
    expect(outcome).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining("bytes gzipped, over"),
    });
    expect(seen).toHaveLength(0);
  });

  it("refuses a body without its marker and a bad commit SHA before calling GitHub", async () => {
    await expect(
      upsertStickyComment(client(), { owner: "o", repo: "r" }, 1, "<!-- m -->", "no marker"),
    ).rejects.toThrow("does not contain <!-- m -->");
    await expect(
      uploadSarif(
        client(),
        { owner: "o", repo: "r" },
        { sarif: "{}", commitSha: "HEAD", ref: "refs/heads/main" },
      ),
    ).rejects.toThrow("commit_sha must be a 40-character SHA");
    expect(seen).toHaveLength(0);
  });

  it("turns a 403/404 on upload into a skip with the reason", async () => {
    replies.push({ status: 403, body: '{"message":"Resource not accessible by integration"}' });
    const outcome = await uploadSarif(
      client(),
      { owner: "o", repo: "r" },
      {
        sarif: "{}",
        commitSha: "a".repeat(40),
        ref: "refs/pull/3/head",
      },
    );
    expect(outcome).toEqual({
      status: "skipped",
      reason:
        "the token cannot upload to code scanning; it needs security-events: write, and code scanning must be enabled for the repository (HTTP 403)",
    });
  });
});
