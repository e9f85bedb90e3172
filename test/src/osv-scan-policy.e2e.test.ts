// The committed osv-scan bundle on real git histories and real policies: new-only on a pull request
// (the base's lockfiles read from git), SLA breaches from SECURITY.md, osv-scanner.toml overrides.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExportServer, type ExportServer } from "../../packages/osv/src/test-support/export-server.js";
import { LOCKFILES_DIR, OSV_DB_DIR } from "../../packages/osv/src/test-support/shared-data.js";
import { runAction } from "./harness/run-action.js";

const action = fileURLToPath(new URL("../../actions/osv-scan/", import.meta.url));
const JUICE_SHOP = "cyclonedx-json/CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json";
const HELIX = "cargo-lock/helix-editor__helix__Cargo.lock";
const NUSHELL = "cargo-lock/nushell__nushell__Cargo.lock";

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env: GIT_ENV, encoding: "utf8" }).trim();

function write(dir: string, files: Record<string, string | { text: string }>): void {
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    if (typeof from === "string") copyFileSync(join(LOCKFILES_DIR, from), join(dir, name));
    else writeFileSync(join(dir, name), from.text);
  }
}

function commitAll(dir: string, message: string): string {
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", message);
  return git(dir, "rev-parse", "HEAD");
}

let exportsServer: ExportServer;
beforeAll(async () => {
  exportsServer = await startExportServer(OSV_DB_DIR);
}, 60_000);
afterAll(async () => {
  await exportsServer.close();
});

const offline = () => ({
  database: "offline",
  "osv-db-url": exportsServer.url,
  "database-cache": join(mkdtempSync(join(tmpdir(), "bulwark-e2e-osvcache-")), "osv"),
});

function pullRequest(base: string, head: string) {
  return {
    eventName: "pull_request",
    event: {
      pull_request: {
        number: 12,
        base: { ref: "main", sha: base, repo: { full_name: "octo/app" } },
        head: { ref: "pr", sha: head, repo: { full_name: "octo/app" } },
      },
    },
  };
}

interface JsonReport {
  findings: Array<{ ruleId: string; status: string; blocking: boolean; package?: { name: string } }>;
  fixed?: Array<{ ruleId: string; package?: { name: string; version?: string } }>;
}

describe("osv-scan new-only on a pull request", () => {
  it("passes when the pull request only fixes, and fails on what it brings in", async () => {
    const ws = mkdtempSync(join(tmpdir(), "bulwark-e2e-osv-git-"));
    git(ws, "init", "-q", "-b", "main");
    write(ws, { "cli/Cargo.lock": HELIX, "web/bom.json": JUICE_SHOP });
    const base = commitAll(ws, "base");
    git(ws, "checkout", "-q", "-b", "pr");
    const lock = join(ws, "cli/Cargo.lock");
    writeFileSync(
      lock,
      readFileSync(lock, "utf8").replace(
        'name = "rkyv"\nversion = "0.8.16"',
        'name = "rkyv"\nversion = "0.8.17"',
      ),
    );
    const fix = commitAll(ws, "bump rkyv");
    const inputs = { ...offline(), "new-only": "true", "json-file": "out/osv.json" };

    const fixing = await runAction(action, { workspace: ws, inputs, ...pullRequest(base, fix) });
    expect(fixing.stderr).toBe("");
    expect(fixing.exitCode).toBe(0);
    const report = JSON.parse(readFileSync(join(ws, "out/osv.json"), "utf8")) as JsonReport;
    expect(report.findings.find((f) => f.package?.name === "lodash")).toMatchObject({
      status: "baseline",
      blocking: false,
    });
    expect(report.fixed!.map((f) => [f.package?.name, f.package?.version, f.ruleId]).sort()).toEqual([
      ["rkyv", "0.8.16", "RUSTSEC-2026-0233"],
      ["rkyv", "0.8.16", "RUSTSEC-2026-0234"],
      ["rkyv", "0.8.16", "RUSTSEC-2026-0235"],
    ]);
    expect(fixing.summary).toContain("**Fixed by this change**");

    write(ws, { "shell/Cargo.lock": NUSHELL });
    const adds = commitAll(ws, "add the shell");
    const adding = await runAction(action, { workspace: ws, inputs, ...pullRequest(base, adds) });
    expect(adding.exitCode).toBe(1);
    const blocking = (JSON.parse(readFileSync(join(ws, "out/osv.json"), "utf8")) as JsonReport).findings
      .filter((f) => f.blocking)
      .map((f) => `${f.package?.name} ${f.ruleId}`);
    expect(blocking).toEqual(["quick-xml RUSTSEC-2026-0194", "quick-xml RUSTSEC-2026-0195"]);

    // Outside a pull request there is no base: everything counts, and the summary says so.
    const push = await runAction(action, { workspace: ws, inputs });
    expect(push.exitCode).toBe(1);
    expect(push.summary).toContain("new-only has no base to compare with");
  }, 180_000);
});

const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

describe("osv-scan SLA from SECURITY.md", () => {
  it("marks breached vulnerabilities in the summary, SARIF and JSON, and fail-on-sla-breach fails on them", async () => {
    const ws = mkdtempSync(join(tmpdir(), "bulwark-e2e-osv-sla-"));
    write(ws, {
      "Cargo.lock": HELIX,
      "SECURITY.md": { text: readFileSync(join(SEEDS, "security-policy-5.md"), "utf8") },
    });
    const inputs = {
      ...offline(),
      "fail-on": "critical",
      "json-file": "osv.json",
      "sarif-file": "osv.sarif",
    };
    const lenient = await runAction(action, { workspace: ws, inputs });
    expect(lenient.stderr).toBe("");
    expect(lenient.exitCode).toBe(0);
    // helix's RustSec advisories (medium: 30 days to patch) were all published in May 2026.
    expect(lenient.summary).toContain(
      "**SLA breached**: 6 findings were published longer ago than SECURITY.md",
    );
    const json = JSON.parse(readFileSync(join(ws, "osv.json"), "utf8")) as {
      findings: Array<{
        ruleId: string;
        properties: { sla?: { breached: boolean; days: number; policy: string } };
      }>;
    };
    const smartstring = json.findings.find((f) => f.ruleId === "RUSTSEC-2026-0249")!;
    expect(smartstring.properties.sla).toMatchObject({ breached: true, days: 30, policy: "SECURITY.md:129" });
    const sarif = JSON.parse(readFileSync(join(ws, "osv.sarif"), "utf8")) as {
      runs: Array<{ results: Array<{ ruleId: string; properties: { labels?: string[] } }> }>;
    };
    expect(sarif.runs[0]!.results.every((r) => r.properties.labels?.includes("sla-breached"))).toBe(true);

    const strict = await runAction(action, {
      workspace: ws,
      inputs: { ...inputs, "fail-on-sla-breach": "true" },
    });
    expect(strict.exitCode).toBe(1);
    expect(strict.outputs.failed).toBe("true");
    const error = strict.commands.find((c) => c.command === "error" && c.message.includes("SLA breached"));
    expect(error?.message).toContain("6 new findings fail on their own: SLA breached");
  }, 120_000);
});

describe("osv-scan osv-scanner.toml overrides and database gaps", () => {
  it("ignores the one version a PackageOverride names; a local database without npm fails closed naming it", async () => {
    const ws = mkdtempSync(join(tmpdir(), "bulwark-e2e-osv-overrides-"));
    write(ws, {
      "bom.json": JUICE_SHOP,
      "Cargo.lock": HELIX,
      "osv-scanner.toml": {
        text: '[[PackageOverrides]]\nname = "lodash"\nversion = "2.4.2"\necosystem = "npm"\nignore = true\nreason = "build tooling only"\n',
      },
    });
    const run = await runAction(action, { workspace: ws, inputs: { ...offline(), "json-file": "osv.json" } });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(join(ws, "osv.json"), "utf8")) as {
      findings: Array<{
        status: string;
        statusReason?: string;
        package?: { name: string; version?: string };
      }>;
    };
    const lodash = report.findings.filter((f) => f.package?.name === "lodash");
    expect(lodash.map((f) => [f.package?.version, f.status, f.statusReason])).toEqual([
      ["4.17.19", "new", undefined],
      ["2.4.2", "ignored", "build tooling only (osv-scanner.toml)"],
    ]);

    // A mirror of the exports that lacks npm: the npm packages are not checked, and that fails.
    const mirror = mkdtempSync(join(tmpdir(), "bulwark-e2e-osv-mirror-"));
    mkdirSync(join(mirror, "crates.io"));
    copyFileSync(join(OSV_DB_DIR, "crates.io", "all.zip"), join(mirror, "crates.io", "all.zip"));
    const gap = await runAction(action, {
      workspace: ws,
      inputs: { ...offline(), "osv-db-url": mirror, "fail-on": "none" },
    });
    expect(gap.exitCode).toBe(1);
    const error = gap.commands.find((c) => c.command === "error" && c.message.includes("npm"));
    expect(error?.message).toContain(
      "The vulnerability database has no npm records, so 840 npm packages were not checked",
    );
    expect(
      gap.annotations.some((a) => a.file === "bom.json" && a.message.includes("could not be checked")),
    ).toBe(true);
  }, 120_000);
});
