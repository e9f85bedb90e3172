import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EndOfLifeServer, unreachableUrl } from "../test-support/endoflife-server.js";
import { EndOfLifeClient, EndOfLifeError } from "./endoflife-client.js";

const NOW = new Date("2026-11-22T00:00:00Z");
let server: EndOfLifeServer;
beforeAll(async () => {
  server = await new EndOfLifeServer(NOW).start();
});
afterAll(() => server.stop());

const cacheDir = () => mkdtempSync(join(tmpdir(), "bulwark-eol-"));

describe("EndOfLifeClient (API v1)", () => {
  it("reads a product's release cycles", async () => {
    const { releases, fromCache } = await new EndOfLifeClient({
      baseUrl: `${server.url}/`,
      now: NOW,
    }).releases("nodejs");
    expect(fromCache).toBe(false);
    expect(releases.find((r) => r.name === "20")).toMatchObject({ eolFrom: "2026-04-30", isEol: true });
    expect(releases.find((r) => r.name === "24")).toMatchObject({ eolFrom: "2028-04-30", isEol: false });
  });

  it("answers from the cache while it is fresh, and asks again when it is old", async () => {
    const dir = cacheDir();
    const before = server.requests.length;
    const client = (now: Date) => new EndOfLifeClient({ baseUrl: server.url, cacheDir: dir, now });
    await client(NOW).releases("python");
    expect((await client(NOW).releases("python")).fromCache).toBe(true);
    expect(server.requests.length - before).toBe(1);
    expect(readdirSync(dir)).toEqual(["endoflife-python.json"]);
    const nextDay = new Date(NOW.getTime() + 25 * 3600 * 1000);
    expect((await client(nextDay).releases("python")).fromCache).toBe(false);
    expect(server.requests.length - before).toBe(2);
  });

  it("falls back to an old cache when the API is down, and says it is stale", async () => {
    const dir = cacheDir();
    await new EndOfLifeClient({ baseUrl: server.url, cacheDir: dir, now: NOW }).releases("nodejs");
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const down = new EndOfLifeClient({ baseUrl: await unreachableUrl(), cacheDir: dir, now: later });
    const answer = await down.releases("nodejs");
    expect(answer).toMatchObject({ fromCache: true, stale: true });
    expect(answer.releases.length).toBeGreaterThan(0);
  });

  it("fails with a clear error when unreachable, for unknown products, and for non-JSON", async () => {
    const url = await unreachableUrl();
    const down = new EndOfLifeClient({ baseUrl: url, now: NOW, timeoutMs: 5000 });
    await expect(down.releases("nodejs")).rejects.toThrow(
      `cannot reach ${url}/api/v1/products/nodejs (ECONNREFUSED)`,
    );
    const client = new EndOfLifeClient({ baseUrl: server.url, now: NOW });
    await expect(client.releases("no-such-product")).rejects.toThrow(/answered HTTP 404$/);
    await expect(client.releases("broken")).rejects.toThrow(EndOfLifeError);
    await expect(client.releases("broken")).rejects.toThrow(/did not return JSON$/);
  });
});
