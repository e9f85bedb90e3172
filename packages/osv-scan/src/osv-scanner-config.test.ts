import { evaluateGate } from "@bulwark/core";
import { OfflineSource } from "@bulwark/osv";
import { describe, expect, it } from "vitest";
import { OSV_DB_DIR } from "../../osv/src/test-support/shared-data.js";
import { parseOsvScannerConfig } from "./osv-scanner-config.js";
import { scanDependencies } from "./scan-dependencies.js";
import { REAL, realRepo } from "./test-support/real-repo.js";

describe("parseOsvScannerConfig", () => {
  it("reads IgnoredVulns and ignoring PackageOverrides; ignoreUntil becomes the last day that counts", () => {
    const config = parseOsvScannerConfig(
      [
        "[[IgnoredVulns]]",
        'id = "GHSA-35jh-r3h4-6jhm"',
        "ignoreUntil = 2026-07-01",
        'reason = "template() never sees user input"',
        "",
        "[[IgnoredVulns]]",
        'id = "RUSTSEC-2026-0249"',
        "ignoreUntil = 2026-03-05T12:00:00Z",
        "",
        "[[PackageOverrides]]",
        'name = "rkyv"',
        'ecosystem = "crates.io"',
        "ignore = true",
        'reason = "vendored fork"',
        "",
        "[[PackageOverrides]]",
        'name = "left-alone"',
        'license.override = ["MIT"]',
      ].join("\n"),
      "osv-scanner.toml",
    );
    expect(config.vulns).toEqual([
      {
        id: "GHSA-35jh-r3h4-6jhm",
        until: "2026-06-30",
        reason: "template() never sees user input (osv-scanner.toml)",
      },
      { id: "RUSTSEC-2026-0249", until: "2026-03-05", reason: "listed in osv-scanner.toml without a reason" },
    ]);
    expect(config.packages).toEqual([
      { name: "rkyv", ecosystem: "crates.io", reason: "vendored fork (osv-scanner.toml)" },
    ]);
  });

  it("names the file and line of broken TOML, and refuses entries it cannot honour exactly", () => {
    expect(() =>
      parseOsvScannerConfig('[[IgnoredVulns]]\nid = "X"\nreason = \n', "a/osv-scanner.toml"),
    ).toThrow(/^a\/osv-scanner\.toml:3: /);
    expect(() => parseOsvScannerConfig("[[IgnoredVulns]]\nreason = 'x'\n", "osv-scanner.toml")).toThrow(
      "osv-scanner.toml: IgnoredVulns[0] needs an id",
    );
    expect(() =>
      parseOsvScannerConfig(
        '[[PackageOverrides]]\nname = "a"\ngroup = "dev"\nignore = true\n',
        "osv-scanner.toml",
      ),
    ).toThrow("osv-scanner.toml: PackageOverrides[0] ignores by dependency group");
    expect(() => parseOsvScannerConfig("[[PackageOverrides]]\nignore = true\n", "osv-scanner.toml")).toThrow(
      "osv-scanner.toml: PackageOverrides[0] needs a name or an ecosystem to ignore packages",
    );
    expect(() =>
      parseOsvScannerConfig(
        '[[PackageOverrides]]\nname = "a"\nversion = 1\nignore = true\n',
        "osv-scanner.toml",
      ),
    ).toThrow("osv-scanner.toml: PackageOverrides[0].version must be a non-empty string");
  });
});

describe("PackageOverrides", () => {
  it("reads version, ecosystem, vulnerability.ignore and effectiveUntil", () => {
    const config = parseOsvScannerConfig(
      [
        "[[PackageOverrides]]",
        'name = "lodash"',
        'version = "2.4.2"',
        'ecosystem = "npm"',
        "vulnerability.ignore = true",
        "effectiveUntil = 2027-01-01",
        'reason = "only the build uses it"',
        "",
        "[[PackageOverrides]]",
        'ecosystem = "crates.io"',
        "ignore = true",
      ].join("\n"),
      "osv-scanner.toml",
    );
    expect(config.packages).toEqual([
      {
        name: "lodash",
        version: "2.4.2",
        ecosystem: "npm",
        until: "2026-12-31",
        reason: "only the build uses it (osv-scanner.toml)",
      },
      { ecosystem: "crates.io", reason: "listed in osv-scanner.toml without a reason" },
    ]);
  });

  it("ignores exactly the package versions and ecosystems an override names, until it expires", async () => {
    const root = realRepo({
      "bom.json": REAL.juiceShopBom,
      "osv-scanner.toml": {
        text: [
          "[[PackageOverrides]]",
          'name = "lodash"',
          'version = "2.4.2"',
          'ecosystem = "npm"',
          "ignore = true",
          "effectiveUntil = 2026-12-01",
          'reason = "bundled by a build tool, never shipped"',
          "",
          "[[PackageOverrides]]",
          'name = "lodash"',
          'ecosystem = "PyPI"',
          "ignore = true",
        ].join("\n"),
      },
    });
    const result = await scanDependencies({ root, source: new OfflineSource({ base: OSV_DB_DIR }) });
    const statuses = (now: string) =>
      evaluateGate(result, { failOn: "high" }, new Date(now))
        .findings.filter((f) => f.package?.name === "lodash")
        .map((f) => [f.package?.version, f.status, f.statusReason]);
    expect(statuses("2026-11-30T12:00:00Z")).toEqual([
      ["4.17.19", "new", undefined],
      ["2.4.2", "ignored", "bundled by a build tool, never shipped (osv-scanner.toml)"],
    ]);
    expect(statuses("2026-12-01T00:00:00Z")).toEqual([
      ["4.17.19", "new", undefined],
      ["2.4.2", "new", undefined],
    ]);
    const notices = evaluateGate(result, { failOn: "high" }, new Date("2026-12-02T00:00:00Z")).notices;
    expect(notices.join("\n")).toContain(
      'Ignore "*" for package "npm/lodash@2.4.2" on path "bom.json" expired on 2026-11-30',
    );
  });
});

describe("osv-scanner.toml in a scan", () => {
  it("ignores through the gate, scoped to the lockfiles it governs, and expires", async () => {
    const root = realRepo({
      "web/bom.json": REAL.juiceShopBom,
      "web/osv-scanner.toml": {
        text: '[[IgnoredVulns]]\nid = "GHSA-35jh-r3h4-6jhm"\nignoreUntil = 2026-07-01\nreason = "no user templates"\n',
      },
      "Cargo.lock": REAL.helixCargo,
      "osv-scanner.toml": { text: '[[PackageOverrides]]\nname = "rkyv"\nignore = true\nreason = "fork"\n' },
      "other/bom.json": REAL.juiceShopBom,
    });
    const result = await scanDependencies({ root, source: new OfflineSource({ base: OSV_DB_DIR }) });
    expect(result.ignores).toContainEqual({
      id: "GHSA-35jh-r3h4-6jhm",
      path: "web/bom.json",
      until: "2026-06-30",
      reason: "no user templates (web/osv-scanner.toml)",
    });
    expect(result.summaryMarkdown).toContain("Ignores read from osv-scanner.toml, web/osv-scanner.toml.");

    const before = evaluateGate(result, { failOn: "high" }, new Date("2026-06-30T23:00:00Z"));
    const status = (path: string, name: string) =>
      before.findings
        .filter((f) => f.location?.path === path && f.package?.name === name)
        .map((f) => f.status);
    expect(new Set(status("web/bom.json", "lodash"))).toEqual(new Set(["ignored"]));
    // The root file governs other/bom.json too, but it only ignores rkyv: lodash there still fails.
    expect(new Set(status("other/bom.json", "lodash"))).toEqual(new Set(["new"]));
    expect(new Set(status("Cargo.lock", "rkyv"))).toEqual(new Set(["ignored"]));
    expect(before.failed).toBe(true);

    const after = evaluateGate(result, { failOn: "high" }, new Date("2026-07-01T00:00:00Z"));
    expect(
      after.findings.filter((f) => f.location?.path === "web/bom.json").every((f) => f.status === "new"),
    ).toBe(true);
    expect(after.notices.join("\n")).toContain(
      '"GHSA-35jh-r3h4-6jhm" on path "web/bom.json" expired on 2026-06-30',
    );
  });

  it("reports a broken osv-scanner.toml as an error naming it", async () => {
    const root = realRepo({
      "Cargo.lock": REAL.helixCargo,
      "osv-scanner.toml": { text: "[[IgnoredVulns]\n" },
    });
    const result = await scanDependencies({ root, source: new OfflineSource({ base: OSV_DB_DIR }) });
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        level: "error",
        path: "osv-scanner.toml",
        message: expect.stringMatching(/^osv-scanner\.toml:1: /),
      }),
    );
  });
});

describe("a scan root inside the workspace", () => {
  it("reports paths from the workspace root and reads the scan root's osv-scanner.toml", async () => {
    const ws = realRepo({
      "services/web/app/bom.json": REAL.juiceShopBom,
      "services/web/osv-scanner.toml": {
        text: '[[IgnoredVulns]]\nid = "CVE-2021-23337"\nreason = "no user templates"\n',
      },
      "services/web/broken/Cargo.lock": { text: "[[package]\n" },
    });
    const result = await scanDependencies({
      root: `${ws}/services/web`,
      workspace: ws,
      source: new OfflineSource({ base: OSV_DB_DIR }),
    });
    expect(result.findings[0]!.location?.path).toBe("services/web/app/bom.json");
    expect(result.problems).toContainEqual(
      expect.objectContaining({ level: "error", path: "services/web/broken/Cargo.lock" }),
    );
    expect(result.ignores).toContainEqual(
      expect.objectContaining({ id: "CVE-2021-23337", path: "services/web/app/bom.json" }),
    );
    expect(evaluateGate(result, { failOn: "high" }, new Date()).failed).toBe(true); // broken Cargo.lock
  });
});
