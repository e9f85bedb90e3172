import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateGate, type Finding } from "@bulwark/core";
import { OfflineSource, OnlineSource } from "@bulwark/osv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExportServer, type ExportServer } from "../../osv/src/test-support/export-server.js";
import { startOsvApiServer } from "../../osv/src/test-support/osv-api-server.js";
import { exportZip, OSV_DB_DIR } from "../../osv/src/test-support/shared-data.js";
import { FallbackSource } from "./choose-database.js";
import { scanDependencies } from "./scan-dependencies.js";
import { REAL, realRepo } from "./test-support/real-repo.js";

const offline = () => new OfflineSource({ base: OSV_DB_DIR });
const find = (findings: Finding[], name: string, id: string) =>
  findings.filter((f) => f.package?.name === name && [f.ruleId, ...(f.ids ?? [])].includes(id));

describe("scanDependencies on real lockfiles against the real OSV exports", () => {
  const root = realRepo({
    "web/bom.json": REAL.juiceShopBom,
    "Cargo.lock": REAL.helixCargo,
    "py/Pipfile.lock": REAL.checkovPipfile,
    "broken/package-lock.json": { text: '{ "lockfileVersion": 3, "packages": ' },
    "tools/requirements.txt": { text: "requests>=2.31\nurllib3==2.2.2\n" },
  });
  let result: Awaited<ReturnType<typeof scanDependencies>>;
  beforeAll(async () => {
    result = await scanDependencies({ root, source: offline() });
  });

  it("finds lodash 4.17.19 at the SBOM line that declares it, with the upgrade that fixes it", () => {
    const [lodash] = find(result.findings, "lodash", "CVE-2021-23337").filter(
      (f) => f.package?.version === "4.17.19",
    );
    expect(lodash).toMatchObject({
      tool: "osv-scan",
      ruleId: "CVE-2021-23337",
      severity: "high",
      location: { path: "web/bom.json", startLine: 5185 },
      package: { name: "lodash", version: "4.17.19", ecosystem: "npm" },
      remediation: "Upgrade lodash to 4.17.21.",
      properties: { fixedVersion: "4.17.21" },
    });
    expect(lodash!.aliases).toContain("GHSA-35jh-r3h4-6jhm");
    expect(lodash!.score).toBeGreaterThan(7);
    // The SBOM also holds lodash 2.4.2: a second finding with its own fingerprint.
    const both = find(result.findings, "lodash", "GHSA-35jh-r3h4-6jhm");
    expect(both.map((f) => f.package?.version).sort()).toEqual(["2.4.2", "4.17.19"]);
    expect(new Set(both.map((f) => f.fingerprint)).size).toBe(2);
  });

  it("tells direct from transitive and says when no fix exists", () => {
    const smartstring = find(result.findings, "smartstring", "RUSTSEC-2026-0249")[0]!;
    expect(smartstring.properties).toMatchObject({ direct: true });
    expect(smartstring.properties?.fixedVersion).toBeUndefined();
    expect(smartstring.remediation).toMatch(/^No fixed version of smartstring/);
    const rkyv = result.findings.filter((f) => f.package?.name === "rkyv");
    expect(rkyv.map((f) => f.ruleId).sort()).toEqual([
      "RUSTSEC-2026-0233",
      "RUSTSEC-2026-0234",
      "RUSTSEC-2026-0235",
    ]);
    expect(rkyv[0]).toMatchObject({
      location: { path: "Cargo.lock", startLine: 2401 },
      properties: { direct: false, fixedVersion: "0.8.17" },
    });
    // Through which direct dependency: helix-lsp needs sonic-rs, which needs faststr, which needs rkyv.
    expect(rkyv[0]!.properties?.parents).toEqual(["sonic-rs", "faststr"]);
    expect(rkyv[0]!.remediation).toBe(
      "Upgrade rkyv to 0.8.17 (a transitive dependency: upgrade sonic-rs or override rkyv).",
    );
    expect(rkyv[0]!.message).toContain("rkyv@0.8.16 in Cargo.lock (transitive dependency, via sonic-rs)");
    expect(result.summaryMarkdown).toMatch(
      /\| rkyv \| 0\.8\.16 \| RUSTSEC-2026-0233 [^\n]*\| Cargo\.lock:2401 \| via sonic-rs \|/,
    );
    expect(result.summaryMarkdown).toMatch(
      /\| smartstring \| 1\.0\.1 [^\n]*\| Cargo\.lock:2671 \| direct \|/,
    );
    expect(find(result.findings, "py", "CVE-2022-42969")[0]!.location?.path).toBe("py/Pipfile.lock");
  });

  it("lists the unreadable file and the unpinned package as problems, never hides them", () => {
    expect(result.problems).toContainEqual(
      expect.objectContaining({ level: "error", path: "broken/package-lock.json" }),
    );
    const unresolved = result.problems.find((p) => p.path === "tools/requirements.txt");
    expect(unresolved).toMatchObject({ level: "warning" });
    expect(unresolved!.message).toContain("requests >=2.31");
    expect(result.stats).toMatchObject({ lockfiles: 4, "unreadable-files": 1, unresolved: 1 });
    expect(result.summaryMarkdown).toContain("1 package could not be checked");
  });

  it("writes the summary with the upgrade fixing the most findings first, and the output", () => {
    const md = result.summaryMarkdown!;
    const upgrades = md.split("\n").filter((l) => l.startsWith("- Upgrade "));
    expect(upgrades[0]).toMatch(/^- Upgrade rkyv \(crates\.io\) to 0\.8\.17: fixes 3 findings/);
    expect(upgrades[1]).toMatch(/^- Upgrade lodash \(npm\) to 4\.17\.21: fixes 2 findings/);
    // The pull request comment carries the same upgrades, shortened.
    expect(result.commentMarkdown!.split("\n").slice(0, 4)).toEqual([
      "**Upgrades**, the one that fixes the most findings first:",
      "",
      "- Upgrade rkyv (crates.io) to 0.8.17: fixes 3 findings",
      "- Upgrade lodash (npm) to 4.17.21: fixes 2 findings",
    ]);
    const rows = md.split("\n").filter((l) => l.startsWith("| "));
    expect(rows[2]).toMatch(/^\| high \([\d.]+\) \| lodash \| 2\.4\.2 \| CVE-2021-23337/);
    expect(md).toMatch(
      /\| smartstring \| 1\.0\.1 \| RUSTSEC-2026-0249 \| No fix available \| Cargo\.lock:2671 \|/,
    );
    const output = JSON.parse(result.outputs!["vulnerable-packages"]!);
    expect(output).toContainEqual({
      ecosystem: "npm",
      name: "lodash",
      version: "4.17.19",
      ids: ["CVE-2021-23337"],
      fixedVersions: ["4.17.21"],
      files: ["web/bom.json"],
    });
  });

  it("honours recursive, include/exclude, explicit lockfiles and include-dev", async () => {
    const top = await scanDependencies({ root, recursive: false, source: offline() });
    expect(new Set(top.findings.map((f) => f.location?.path))).toEqual(new Set(["Cargo.lock"]));
    const noWeb = await scanDependencies({ root, exclude: ["web/**", "broken"], source: offline() });
    expect(noWeb.findings.some((f) => f.package?.name === "lodash")).toBe(false);
    expect(noWeb.problems.some((p) => p.path === "broken/package-lock.json")).toBe(false);
    const onlyPy = await scanDependencies({ root, include: ["py/**"], source: offline() });
    expect(onlyPy.stats?.lockfiles).toBe(1);
    const explicit = await scanDependencies({ root, lockfiles: ["web/bom.json"], source: offline() });
    expect(new Set(explicit.findings.map((f) => f.package?.name))).toEqual(new Set(["lodash"]));
    const prodOnly = await scanDependencies({
      root,
      lockfiles: ["py/Pipfile.lock"],
      includeDev: false,
      source: offline(),
    });
    expect(prodOnly.findings).toEqual([]);
  });
});

describe("a transitive package in an SBOM's dependency graph", () => {
  it("says which direct dependency it comes through, in the finding and the summary", async () => {
    // harp's CycloneDX SBOM: the subject depends on github.com/google/cel-go, which needs
    // golang.org/x/text 0.3.7 (GO-2022-1059, fixed in 0.3.8).
    const root = realRepo({
      "harp/bom.json":
        "cyclonedx-json/chainguard-dev__bom-shelter__in-the-wild__cyclonedx__harp-darwin-amd64.sbom.json",
    });
    const result = await scanDependencies({ root, source: offline() });
    const [text] = find(result.findings, "golang.org/x/text", "GO-2022-1059");
    expect(text).toMatchObject({
      package: { name: "golang.org/x/text", version: "0.3.7", ecosystem: "Go" },
      location: { path: "harp/bom.json", startLine: 6735 },
      properties: { direct: false, parents: ["github.com/google/cel-go"], fixedVersion: "0.3.8" },
    });
    expect(text!.message).toContain("(transitive dependency, via github.com/google/cel-go)");
    expect(text!.remediation).toBe(
      "Upgrade golang.org/x/text to 0.3.8 (a transitive dependency: upgrade github.com/google/cel-go or override golang.org/x/text).",
    );
    expect(result.summaryMarkdown).toMatch(
      /\| golang\.org\/x\/text \| 0\.3\.7 \| [^|]*GO-2022-1059 \| 0\.3\.8 \| harp\/bom\.json:6735 \| via github\.com\/google\/cel-go \|/,
    );
  });
});

describe("databases", () => {
  let exports: ExportServer;
  beforeAll(async () => {
    exports = await startExportServer(OSV_DB_DIR);
  });
  afterAll(() => exports.close());
  const root = realRepo({ "Cargo.lock": REAL.helixCargo });
  const closedPort = "http://127.0.0.1:9";
  const retry = { attempts: 1, timeoutMs: 2000 };

  it("turns an unreachable database into an error problem, never a pass", async () => {
    const result = await scanDependencies({
      root,
      source: new OnlineSource({ baseUrl: closedPort, retry }),
    });
    expect(result.findings).toEqual([]);
    expect(result.problems[0]).toMatchObject({ level: "error" });
    expect(result.problems[0]!.message).toMatch(/^The vulnerability database could not be reached/);
    const gate = evaluateGate(result, { failOn: "high" }, new Date());
    expect(gate.failed).toBe(true);
  });

  it("auto uses osv.dev when it answers, without touching the exports", async () => {
    const api = await startOsvApiServer({ zips: [exportZip("crates.io")] });
    try {
      const cacheDir = mkdtempSync(join(tmpdir(), "bulwark-osv-cache-"));
      const source = new FallbackSource({
        mode: "auto",
        cacheDir,
        apiUrl: api.url,
        exportsUrl: closedPort,
        retry,
      });
      const result = await scanDependencies({ root, source });
      expect(result.problems).toEqual([]);
      expect(result.findings.map((f) => f.ruleId)).toContain("RUSTSEC-2026-0249");
      expect(api.requests.some((r) => r.path === "/v1/querybatch")).toBe(true);
    } finally {
      await api.close();
    }
  });

  it("auto falls back to the cached exports with a notice when osv.dev cannot be reached", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "bulwark-osv-cache-"));
    const options = { mode: "auto" as const, cacheDir, apiUrl: closedPort, exportsUrl: exports.url, retry };
    // Fill the cache from the export server first, as an earlier run would have.
    const warm = await scanDependencies({
      root,
      source: new OfflineSource({ base: exports.url, cacheDir: join(cacheDir, "exports") }),
    });
    const result = await scanDependencies({ root, source: new FallbackSource(options) });
    expect(result.findings.map((f) => f.fingerprint).sort()).toEqual(
      warm.findings.map((f) => f.fingerprint).sort(),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        level: "notice",
        message: expect.stringContaining("used the cached offline database"),
      }),
    );
    // Without a cache the fallback has nothing to read: an error, not a pass.
    const empty = mkdtempSync(join(tmpdir(), "bulwark-osv-cache-"));
    const none = await scanDependencies({
      root,
      source: new FallbackSource({ ...options, cacheDir: empty, exportsUrl: closedPort }),
    });
    expect(none.problems.some((p) => p.level === "error")).toBe(true);
  });
});

describe("an offline database without an ecosystem the lockfiles need", () => {
  it("fails closed, naming the ecosystem and the packages left unchecked", async () => {
    const db = mkdtempSync(join(tmpdir(), "bulwark-osv-db-"));
    mkdirSync(join(db, "crates.io"));
    copyFileSync(exportZip("crates.io"), join(db, "crates.io", "all.zip"));
    const root = realRepo({ "Cargo.lock": REAL.helixCargo, "web/bom.json": REAL.juiceShopBom });
    const result = await scanDependencies({ root, source: new OfflineSource({ base: db }) });
    expect(result.problems).toContainEqual({
      level: "error",
      message: `The vulnerability database has no npm records, so 840 npm packages were not checked: no OSV export for ecosystem npm: ${join(db, "npm", "all.zip")} does not exist`,
    });
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        level: "warning",
        path: "web/bom.json",
        message: expect.stringMatching(
          /^840 packages could not be checked \(no OSV export for ecosystem npm: .*\): body-parser@1\.19\.0, /,
        ),
      }),
    );
    // crates.io was there: its findings still come through.
    expect(result.findings.some((f) => f.package?.name === "rkyv")).toBe(true);
    const gate = evaluateGate(result, { failOn: "none" }, new Date());
    expect(gate.failed).toBe(true);
    expect(gate.reasons.join("\n")).toContain("Not checked: The vulnerability database has no npm records");
  });
});
