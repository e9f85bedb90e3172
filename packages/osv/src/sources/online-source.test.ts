import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOsvApiServer, type ApiServer } from "../test-support/osv-api-server.js";
import { exportZip } from "../test-support/shared-data.js";
import { OnlineSource } from "./online-source.js";

const retry = { attempts: 3, baseDelayMs: 5, timeoutMs: 5_000 };

describe("OnlineSource against a local osv.dev API", () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startOsvApiServer({ zips: [exportZip("PyPI"), exportZip("crates.io")], pageSize: 3 });
  });
  afterAll(() => server.close());

  it("follows next_page_token until every id is collected, then fetches each distinct id once", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "osv-api-cache-"));
    const src = new OnlineSource({ baseUrl: server.url, batchSize: 2, retry, cacheDir });
    server.requests.length = 0;
    // Django 1.11.0 has many PYSEC advisories: far more than a page of 3.
    const pkgs = [
      { ecosystem: "PyPI", name: "django", version: "1.11.0" },
      { ecosystem: "PyPI", name: "Django", version: "1.11.0" },
      { ecosystem: "PyPI", name: "jinja2", version: "2.10" },
      { ecosystem: "crates.io", name: "smallvec", version: "0.6.0" },
      { ecosystem: "PyPI", name: "no-such-package-here", version: "1.0" },
    ];
    const res = await src.query(pkgs);
    const django = res.candidates.get("PyPI/django@1.11.0#")!;
    expect(django.length).toBeGreaterThan(10);
    expect(new Set(django.map((r) => r.id)).size).toBe(django.length);
    expect(res.candidates.get("PyPI/Django@1.11.0#")!.map((r) => r.id)).toEqual(django.map((r) => r.id));
    expect(res.candidates.get("crates.io/smallvec@0.6.0#")!.length).toBeGreaterThan(0);
    expect(res.candidates.get("PyPI/no-such-package-here@1.0#")).toEqual([]);
    const batches = server.requests.filter((r) => r.path === "/v1/querybatch");
    expect(batches.length).toBeGreaterThan(3);
    expect(Math.max(...batches.map((b) => b.queries!))).toBeLessThanOrEqual(2);
    const distinct = new Set([...res.candidates.values()].flat().map((r) => r.id));
    expect(server.requests.filter((r) => r.path.startsWith("/v1/vulns/")).length).toBe(distinct.size);
    expect(src.stats.vulnRequests).toBe(distinct.size);
    expect((await readdir(cacheDir)).length).toBe(distinct.size);

    // A new source with the same disk cache needs only the batch requests.
    const again = new OnlineSource({ baseUrl: server.url, retry, cacheDir });
    await again.query(pkgs);
    expect(again.stats.vulnRequests).toBe(0);
    expect(again.stats.diskCacheHits).toBe(distinct.size);
  });
});

describe("OnlineSource retries", () => {
  it("waits out a 429 with Retry-After, then succeeds", async () => {
    let firstAt = 0;
    let secondAt = 0;
    const server = await startOsvApiServer({
      zips: [exportZip("crates.io")],
      intercept: ({ n }) => {
        if (n === 0) {
          firstAt = Date.now();
          return { status: 429, headers: { "retry-after": "1" }, body: "slow down" };
        }
        if (n === 1) secondAt = Date.now();
        return undefined;
      },
    });
    try {
      const src = new OnlineSource({ baseUrl: server.url, retry: { attempts: 3, baseDelayMs: 1 } });
      const res = await src.query([{ ecosystem: "crates.io", name: "smallvec", version: "0.6.0" }]);
      expect(res.candidates.get("crates.io/smallvec@0.6.0#")!.length).toBeGreaterThan(0);
      expect(secondAt - firstAt).toBeGreaterThanOrEqual(950);
    } finally {
      await server.close();
    }
  });

  it("gives up on a server that answers 500 forever with a clear error, never an empty result", async () => {
    const server = await startOsvApiServer({ zips: [], intercept: () => ({ status: 500, body: "boom" }) });
    try {
      const src = new OnlineSource({ baseUrl: server.url, retry: { attempts: 3, baseDelayMs: 1 } });
      await expect(src.query([{ ecosystem: "npm", name: "lodash", version: "4.17.15" }])).rejects.toThrow(
        /POST http:\/\/127\.0\.0\.1:\d+\/v1\/querybatch failed after 3 attempts: HTTP 500/,
      );
      expect(server.requests.length).toBe(3);
    } finally {
      await server.close();
    }
  });

  it("retries a request that times out", async () => {
    const server = await startOsvApiServer({
      zips: [exportZip("crates.io")],
      intercept: ({ n }) => (n === 0 ? "hang" : undefined),
    });
    try {
      const src = new OnlineSource({
        baseUrl: server.url,
        retry: { attempts: 2, baseDelayMs: 1, timeoutMs: 300 },
      });
      const res = await src.query([{ ecosystem: "crates.io", name: "smallvec", version: "0.6.0" }]);
      expect(res.candidates.get("crates.io/smallvec@0.6.0#")!.length).toBeGreaterThan(0);
      expect(server.requests[0]!.path).toBe("/v1/querybatch");
      expect(server.requests[1]!.path).toBe("/v1/querybatch");
    } finally {
      await server.close();
    }
  });
});
