import { copyFile, mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExportServer, type ExportServer } from "../test-support/export-server.js";
import { exportZip, OSV_DB_DIR } from "../test-support/shared-data.js";
import { OfflineSource } from "./offline-source.js";

const retry = { attempts: 2, baseDelayMs: 5 };

describe("OfflineSource over HTTP: download once, reuse while the CRC32C matches", () => {
  let root: string;
  let server: ExportServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "osv-bucket-"));
    await mkdir(join(root, "Debian"));
    await copyFile(exportZip("Debian"), join(root, "Debian", "all.zip"));
    server = await startExportServer(root);
  });
  afterAll(() => server.close());

  it("downloads, then uses the cache, then re-downloads when the server's file changes", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "osv-cache-"));
    const pkg = { ecosystem: "Debian:11", name: "firefox-esr", version: "78.12.0esr-1~deb11u1" };

    const first = new OfflineSource({ base: server.url, cacheDir, retry });
    const r1 = await first.query([pkg]);
    expect(first.events.map((e) => e.action)).toEqual(["downloaded"]);
    expect(r1.candidates.get("Debian:11/firefox-esr@78.12.0esr-1~deb11u1#")!.map((r) => r.id)).toContain(
      "DSA-4956-1",
    );
    expect(server.requests.map((r) => r.method)).toEqual(["HEAD", "GET"]);
    expect(await readFile(join(cacheDir, "Debian", "all.zip"))).toEqual(await readFile(exportZip("Debian")));

    server.requests.length = 0;
    const second = new OfflineSource({ base: server.url, cacheDir, retry });
    await second.query([pkg]);
    expect(second.events.map((e) => e.action)).toEqual(["cached"]);
    expect(server.requests.map((r) => r.method)).toEqual(["HEAD"]);

    // The bucket publishes a new export: a different file, so a different CRC32C.
    await copyFile(exportZip("GHC"), join(root, "Debian", "all.zip"));
    server.requests.length = 0;
    const third = new OfflineSource({ base: server.url, cacheDir, retry });
    const r3 = await third.query([pkg]);
    expect(third.events.map((e) => e.action)).toEqual(["downloaded"]);
    expect(server.requests.map((r) => r.method)).toEqual(["HEAD", "GET"]);
    expect(await readFile(join(cacheDir, "Debian", "all.zip"))).toEqual(await readFile(exportZip("GHC")));
    expect(r3.candidates.get("Debian:11/firefox-esr@78.12.0esr-1~deb11u1#")).toEqual([]);

    // refresh: "never" trusts the cache without asking.
    server.requests.length = 0;
    const never = new OfflineSource({ base: server.url, cacheDir, refresh: "never", retry });
    await never.query([pkg]);
    expect(never.events.map((e) => e.action)).toEqual(["cached"]);
    expect(server.requests).toEqual([]);
  });

  it("falls back to the cached copy, with a warning, when the bucket is unreachable", async () => {
    await copyFile(exportZip("Debian"), join(root, "Debian", "all.zip"));
    const cacheDir = await mkdtemp(join(tmpdir(), "osv-cache-"));
    const pkg = { ecosystem: "Debian:11", name: "firefox-esr", version: "78.12.0esr-1~deb11u1" };
    await new OfflineSource({ base: server.url, cacheDir, retry }).query([pkg]);
    const offline = new OfflineSource({ base: "http://127.0.0.1:9", cacheDir, retry });
    const res = await offline.query([pkg]);
    expect(offline.events.map((e) => e.action)).toEqual(["stale"]);
    expect(res.problems).toEqual([
      expect.objectContaining({ level: "warning", ecosystem: "Debian", packages: [] }),
    ]);
    expect(res.problems[0]!.message).toMatch(
      /could not check http:\/\/127\.0\.0\.1:9\/Debian\/all\.zip .*using the cached copy/,
    );
    expect(res.candidates.get("Debian:11/firefox-esr@78.12.0esr-1~deb11u1#")!.length).toBeGreaterThan(0);
  });

  it("downloads only the ecosystems present, and reports a missing export as a problem, not as clean", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "osv-cache-"));
    server.requests.length = 0;
    const src = new OfflineSource({ base: server.url, cacheDir, retry });
    const res = await src.query([{ ecosystem: "Hex", name: "plug", version: "1.0.0" }]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["HEAD /Hex/all.zip"]);
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]!.message).toMatch(/no OSV export for ecosystem Hex/);
    expect(res.problems[0]!.packages).toEqual(["Hex/plug@1.0.0#"]);
  });

  it("fails with a clear error when the bucket cannot be reached", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "osv-cache-"));
    const src = new OfflineSource({ base: "http://127.0.0.1:9", cacheDir, retry });
    await expect(src.query([{ ecosystem: "npm", name: "x", version: "1.0.0" }])).rejects.toThrow(
      /HEAD http:\/\/127\.0\.0\.1:9\/npm\/all\.zip failed after 2 attempts/,
    );
  });
});

describe("OfflineSource over a local directory", () => {
  it("reads <dir>/<Ecosystem>/all.zip in place and returns full records on demand", async () => {
    const src = new OfflineSource({ base: OSV_DB_DIR });
    const res = await src.query([{ ecosystem: "npm", name: "lodash", version: "4.17.15" }]);
    const ids = res.candidates.get("npm/lodash@4.17.15#")!.map((r) => r.id);
    expect(ids).toContain("GHSA-35jh-r3h4-6jhm");
    const slim = res.candidates.get("npm/lodash@4.17.15#")!.find((r) => r.id === "GHSA-35jh-r3h4-6jhm")!;
    expect(slim.details).toBeUndefined();
    const full = await src.records(["GHSA-35jh-r3h4-6jhm"]);
    expect(full.get("GHSA-35jh-r3h4-6jhm")!.details).toMatch(/Command Injection/);
    expect(full.get("GHSA-35jh-r3h4-6jhm")!.severity![0]!.type).toBe("CVSS_V3");
  });
});

describe("OfflineSource key files", () => {
  it("remembers which records name which package, so a second run answers the same from few reads", async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), "osv-cache-"));
    const pkgs = [
      { ecosystem: "PyPI", name: "Django", version: "3.2.0" },
      { ecosystem: "PyPI", name: "no-such-package-at-all", version: "1.0" },
    ];
    const first = await new OfflineSource({ base: OSV_DB_DIR, cacheDir }).query(pkgs);
    const keys = JSON.parse(await readFile(join(cacheDir, "keys", "PyPI.json"), "utf8")) as {
      keys: Record<string, string[]>;
    };
    expect(keys.keys["pypi\u0000django"]!.length).toBeGreaterThan(10);
    const second = new OfflineSource({ base: OSV_DB_DIR, cacheDir });
    const again = await second.query(pkgs);
    const idsOf = (r: typeof first) =>
      [...r.candidates.entries()].map(([k, rs]) => [k, rs.map((x) => x.id).sort()] as const);
    expect(idsOf(again)).toEqual(idsOf(first));
    expect(again.problems).toEqual(first.problems);
    const index = await second.index("PyPI");
    expect("size" in index && index.size).toBe(keys.keys["pypi\u0000django"]!.length);
  });
});
