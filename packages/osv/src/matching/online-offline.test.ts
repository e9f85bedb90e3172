// The same real package set, matched through the offline exports and through the (local) osv.dev API,
// must give exactly the same findings.
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackageQuery } from "../records/osv-record.js";
import { OfflineSource } from "../sources/offline-source.js";
import { OnlineSource } from "../sources/online-source.js";
import { startExportServer, type ExportServer } from "../test-support/export-server.js";
import { startOsvApiServer, type ApiServer } from "../test-support/osv-api-server.js";
import { exportZip, LOCKFILES_DIR, OSV_DB_DIR } from "../test-support/shared-data.js";
import { matchPackages, type MatchResult } from "./match-packages.js";

const lockfile = (format: string, file: string): string =>
  readFileSync(join(LOCKFILES_DIR, format, file), "utf8");

/** A deliberately simple read of a few real lockfiles: enough to get real names and versions. */
function realPackages(): PackageQuery[] {
  const pkgs: PackageQuery[] = [];
  const npm = JSON.parse(lockfile("npm-package-lock", "actions__toolkit__package-lock.json")) as {
    packages: Record<string, { version?: string }>;
  };
  for (const [path, info] of Object.entries(npm.packages)) {
    if (path && info.version)
      pkgs.push({
        ecosystem: "npm",
        name: path.slice(path.lastIndexOf("node_modules/") + 13),
        version: info.version,
      });
  }
  for (const file of [
    "netbox-community__netbox__requirements.txt",
    "DefectDojo__django-DefectDojo__requirements.txt",
  ]) {
    for (const m of lockfile("requirements-txt", file).matchAll(/^([A-Za-z0-9._-]+)==([^\s;#]+)/gm)) {
      pkgs.push({ ecosystem: "PyPI", name: m[1]!, version: m[2]! });
    }
  }
  for (const m of lockfile("cargo-lock", "helix-editor__helix__Cargo.lock").matchAll(
    /\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g,
  )) {
    pkgs.push({ ecosystem: "crates.io", name: m[1]!, version: m[2]! });
  }
  const gomod = lockfile("go-mod", "cli__cli__go.mod");
  for (const m of gomod.matchAll(/^\s+([a-z0-9.\-/]+\.[a-z]+\/[^\s]+) (v[^\s]+)/gm)) {
    pkgs.push({ ecosystem: "Go", name: m[1]!, version: m[2]! });
  }
  pkgs.push({ ecosystem: "Go", name: "stdlib", version: /^go (\S+)/m.exec(gomod)![1]! });
  // Older versions with known advisories, across every kind of range in the data.
  pkgs.push(
    { ecosystem: "npm", name: "lodash", version: "4.17.15" },
    { ecosystem: "PyPI", name: "Django", version: "3.2.0" },
    { ecosystem: "PyPI", name: "jinja2", version: "2.10" },
    { ecosystem: "crates.io", name: "smallvec", version: "0.6.0" },
    { ecosystem: "Go", name: "golang.org/x/net", version: "v0.0.0-20200226121028-0de0cce0169b" },
    { ecosystem: "Debian:11", name: "firefox-esr", version: "78.12.0esr-1~deb11u1" },
    { ecosystem: "Alpine:v3.18", name: "libexif", version: "0.6.18-r0" },
    { ecosystem: "Alpine:v3.19", name: "curl", version: "8.4.0-r0" },
    { ecosystem: "PyPI", name: "requests" },
    // A commit-level query: the commit that introduced PSF-2023-3.
    {
      ecosystem: "GIT",
      name: "https://github.com/python/cpython",
      commit: "1ef61cf71a218c71860ff6aecf0fd51edb8b65dc",
    },
  );
  return pkgs;
}

function comparable(result: MatchResult) {
  return {
    matches: result.matches
      .map((m) => ({ ...m, records: m.records.map((r) => r.id) }))
      .sort((a, b) =>
        `${a.package.ecosystem}/${a.package.name}@${a.package.version}/${a.id}`.localeCompare(
          `${b.package.ecosystem}/${b.package.name}@${b.package.version}/${b.id}`,
        ),
      ),
    unresolved: result.unresolved
      .map((u) => ({ ...u, reason: u.reason }))
      .sort((a, b) => a.package.name.localeCompare(b.package.name)),
    problems: result.problems,
  };
}

describe("online and offline sources agree on real packages", () => {
  let api: ApiServer;
  let bucket: ExportServer;
  const ecosystems = ["npm", "PyPI", "crates.io", "Go", "Debian", "Alpine", "GIT"];

  beforeAll(async () => {
    api = await startOsvApiServer({ zips: ecosystems.map(exportZip), pageSize: 5 });
    bucket = await startExportServer(OSV_DB_DIR);
  });
  afterAll(async () => {
    await api.close();
    await bucket.close();
  });

  it("gives exactly the same findings", async () => {
    const packages = realPackages();
    expect(packages.length).toBeGreaterThan(500);
    const cacheDir = await mkdtemp(join(tmpdir(), "osv-eq-"));
    const offline = await matchPackages(packages, new OfflineSource({ base: bucket.url, cacheDir }));
    const online = new OnlineSource({ baseUrl: api.url, batchSize: 200 });
    const onlineResult = await matchPackages(packages, online);
    expect(comparable(onlineResult)).toEqual(comparable(offline));

    // And the findings are the real ones.
    const lodash = offline.matches.find((m) => m.package.name === "lodash")!;
    expect(lodash).toMatchObject({
      id: "CVE-2021-23337",
      ids: ["GHSA-35jh-r3h4-6jhm"],
      fixedVersion: "4.17.21",
      severity: "high",
    });
    expect(lodash.published).toBe("2021-05-06T16:05:51Z");
    expect(offline.matches.filter((m) => m.package.name === "Django").length).toBeGreaterThan(5);
    expect(offline.matches.some((m) => m.package.ecosystem === "Go" && m.package.name === "stdlib")).toBe(
      true,
    );
    expect(offline.matches.find((m) => m.package.name === "firefox-esr")!.id).toBe("DSA-4956-1");
    expect(offline.matches.find((m) => m.package.name === "libexif")!.id).toBe("CVE-2009-3895");
    expect(offline.unresolved.map((u) => u.package.name)).toContain("requests");
    expect(offline.matches.find((m) => m.package.ecosystem === "GIT")!.ids).toEqual(["PSF-2023-3"]);
    // Other CPython advisories cannot be decided without the repository's history.
    const cpython = offline.unresolved.find((u) => u.package.ecosystem === "GIT")!;
    expect(cpython.ids.length).toBeGreaterThan(100);
    expect(cpython.reason).toMatch(/ancestry is unknown/);
    const distinct = new Set(onlineResult.matches.flatMap((m) => m.ids));
    expect(online.stats.vulnRequests).toBeGreaterThanOrEqual(distinct.size);
  });
});
