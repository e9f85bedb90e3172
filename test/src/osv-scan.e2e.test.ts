// The committed osv-scan bundle, run as the runner runs it, on repositories made of real lockfiles,
// matched against the real OSV records in ../shared/osv-db: offline through a local stand-in for the
// export bucket, online through a local implementation of the osv.dev API.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExportServer, type ExportServer } from "../../packages/osv/src/test-support/export-server.js";
import { startOsvApiServer, type ApiServer } from "../../packages/osv/src/test-support/osv-api-server.js";
import { exportZip, LOCKFILES_DIR, OSV_DB_DIR } from "../../packages/osv/src/test-support/shared-data.js";
import { GitHubServer } from "./harness/github-server.js";
import { runAction } from "./harness/run-action.js";

const action = fileURLToPath(new URL("../../actions/osv-scan/", import.meta.url));

/** juice-shop 11.1.2's CycloneDX SBOM: lodash 4.17.19 declared at line 5185 (and 2.4.2). */
const JUICE_SHOP = "cyclonedx-json/CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json";
/** helix's Cargo.lock: rkyv 0.8.16 (3 RustSec advisories, fixed in 0.8.17), smartstring 1.0.1 (no fix). */
const HELIX = "cargo-lock/helix-editor__helix__Cargo.lock";

function repo(files: Record<string, string | { text: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-osv-"));
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    if (typeof from === "string") copyFileSync(join(LOCKFILES_DIR, from), join(dir, name));
    else writeFileSync(join(dir, name), from.text);
  }
  return dir;
}

interface JsonFinding {
  ruleId: string;
  status: string;
  fingerprint: string;
  aliases?: string[];
  package?: { name: string; version?: string };
  location?: { path: string; startLine?: number };
  remediation?: string;
  properties?: Record<string, unknown>;
}

let exportsServer: ExportServer;
let api: ApiServer;
beforeAll(async () => {
  exportsServer = await startExportServer(OSV_DB_DIR);
  api = await startOsvApiServer({ zips: [exportZip("npm"), exportZip("crates.io")], pageSize: 50 });
}, 60_000);
afterAll(async () => {
  await exportsServer.close();
  await api.close();
});

const offline = () => ({
  database: "offline",
  "osv-db-url": exportsServer.url,
  "database-cache": ".cache/osv",
});

describe("osv-scan action", () => {
  it("offline: fails on lodash 4.17.19 with the upgrade, annotated at the declaring line", async () => {
    const ws = repo({
      "web/bom.json": JUICE_SHOP,
      "Cargo.lock": HELIX,
      "broken/package-lock.json": { text: '{ "lockfileVersion": 3, "packages": ' },
    });
    const run = await runAction(action, {
      workspace: ws,
      inputs: { ...offline(), "json-file": "out/osv.json" },
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failed).toBe("true");
    const lodash = run.annotations.find(
      (a) => a.level === "error" && a.file === "web/bom.json" && a.line === 5185,
    );
    expect(lodash?.title).toBe("high: lodash@4.17.19 (npm): Command Injection in lodash");
    expect(lodash?.message).toContain("CVE-2021-23337");
    // The unparseable lockfile is named, never skipped in silence.
    expect(run.annotations.some((a) => a.file === "broken/package-lock.json")).toBe(true);

    const vulnerable = JSON.parse(run.outputs["vulnerable-packages"]!);
    expect(vulnerable).toContainEqual({
      ecosystem: "npm",
      name: "lodash",
      version: "4.17.19",
      ids: ["CVE-2021-23337"],
      fixedVersions: ["4.17.21"],
      files: ["web/bom.json"],
    });
    expect(run.summary).toContain("- Upgrade rkyv (crates.io) to 0.8.17: fixes 3 findings");
    expect(run.summary).toContain("- Upgrade lodash (npm) to 4.17.21: fixes 2 findings");
    expect(run.summary).toMatch(/\| smartstring \| 1\.0\.1 \| RUSTSEC-2026-0249 \| No fix available \|/);

    const report = JSON.parse(readFileSync(join(ws, "out/osv.json"), "utf8"));
    const finding = (report.findings as JsonFinding[]).find(
      (f) => f.package?.name === "lodash" && f.package.version === "4.17.19",
    )!;
    expect(finding).toMatchObject({
      ruleId: "CVE-2021-23337",
      status: "new",
      location: { path: "web/bom.json", startLine: 5185 },
      remediation: "Upgrade lodash to 4.17.21.",
    });
    expect(finding.aliases).toContain("GHSA-35jh-r3h4-6jhm");
    expect(report.problems).toContainEqual(
      expect.objectContaining({ level: "error", path: "broken/package-lock.json" }),
    );
    // The exports were fetched once into the cache under the workspace, and the cache was not scanned.
    expect(exportsServer.requests.filter((r) => r.method === "GET").map((r) => r.path)).toEqual(
      expect.arrayContaining(["/npm/all.zip", "/crates.io/all.zip"]),
    );
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"]!, "utf8"));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain("CVE-2021-23337");
  }, 120_000);

  it("online: the osv.dev API gives the same findings; an ignore by alias lets the build pass", async () => {
    const ws = repo({ "web/bom.json": JUICE_SHOP, "Cargo.lock": HELIX });
    const offlineRun = await runAction(action, {
      workspace: ws,
      inputs: { ...offline(), "json-file": "offline.json" },
    });
    const onlineRun = await runAction(action, {
      workspace: ws,
      inputs: {
        database: "online",
        "osv-api-url": api.url,
        "json-file": "online.json",
        ignore: "- id: GHSA-35jh-r3h4-6jhm\n  package: lodash\n  reason: templates never come from users\n",
      },
    });
    expect(onlineRun.stderr).toBe("");
    expect(api.requests.some((r) => r.path === "/v1/querybatch")).toBe(true);
    const read = (file: string) =>
      (JSON.parse(readFileSync(join(ws, file), "utf8")).findings as JsonFinding[])
        .map((f) => f.fingerprint)
        .sort();
    expect(read("online.json")).toEqual(read("offline.json"));
    expect(offlineRun.exitCode).toBe(1);
    // Only lodash reached fail-on high; with it ignored the rest (medium) does not fail.
    expect(onlineRun.exitCode).toBe(0);
    const online = JSON.parse(readFileSync(join(ws, "online.json"), "utf8")).findings as JsonFinding[];
    expect(online.filter((f) => f.package?.name === "lodash").every((f) => f.status === "ignored")).toBe(
      true,
    );
  }, 120_000);

  it("honours osv-scanner.toml ignores until they expire", async () => {
    const toml = (until: string) =>
      `[[IgnoredVulns]]\nid = "CVE-2021-23337"\nignoreUntil = ${until}\nreason = "no user templates"\n`;
    const active = repo({ "bom.json": JUICE_SHOP, "osv-scanner.toml": { text: toml("2999-01-01") } });
    const passed = await runAction(action, { workspace: active, inputs: offline() });
    expect(passed.exitCode).toBe(0);
    expect(passed.summary).toContain("Ignores read from osv-scanner.toml.");

    const expired = repo({ "bom.json": JUICE_SHOP, "osv-scanner.toml": { text: toml("2020-01-01") } });
    const failed = await runAction(action, { workspace: expired, inputs: offline() });
    expect(failed.exitCode).toBe(1);
    const notice = failed.commands.find((c) => c.command === "notice" && c.message.includes("expired"));
    expect(notice?.message).toContain('Ignore "CVE-2021-23337" on path "bom.json" expired on 2019-12-31');
  }, 120_000);

  it("scans a folder given by path and points annotations at files from the repository root", async () => {
    const ws = repo({ "services/web/bom.json": JUICE_SHOP, "Cargo.lock": HELIX });
    const run = await runAction(action, { workspace: ws, inputs: { ...offline(), path: "services/web" } });
    expect(run.exitCode).toBe(1);
    const files = new Set(run.annotations.filter((a) => a.file).map((a) => a.file));
    expect(files).toEqual(new Set(["services/web/bom.json"]));
    expect(run.annotations.find((a) => a.level === "error")).toMatchObject({
      file: "services/web/bom.json",
      line: 5185,
    });
  }, 120_000);

  it("comments on the pull request and uploads SARIF with the findings", async () => {
    const github = await new GitHubServer({ writeTokens: ["ghs_write"], readTokens: [] }).start();
    try {
      const ws = repo({ "web/bom.json": JUICE_SHOP });
      const run = await runAction(action, {
        workspace: ws,
        eventName: "pull_request",
        event: {
          pull_request: {
            number: 7,
            base: { ref: "main", sha: "a".repeat(40), repo: { full_name: "octo/app" } },
            head: { ref: "bump", sha: "b".repeat(40), repo: { full_name: "octo/app" } },
          },
        },
        inputs: { ...offline(), token: "ghs_write", "upload-sarif": "true" },
        env: { GITHUB_API_URL: github.url },
      });
      expect(run.exitCode).toBe(1);
      expect(github.comments).toHaveLength(1);
      expect(github.comments[0]!.body).toContain("<!-- bulwark:osv-scan -->");
      expect(github.comments[0]!.body).toContain("CVE-2021-23337");
      expect(github.sarifUploads[0]).toMatchObject({ commitSha: "b".repeat(40), toolName: "osv-scan" });
    } finally {
      await github.stop();
    }
  }, 120_000);

  it("fails clearly when the database cannot be reached, and fail-open only turns it into a notice", async () => {
    const ws = repo({ "Cargo.lock": HELIX });
    const inputs = { database: "online", "osv-api-url": "http://127.0.0.1:9", "fail-on": "none" };
    const run = await runAction(action, { workspace: ws, inputs });
    expect(run.exitCode).toBe(1);
    const error = run.commands.find(
      (c) => c.command === "error" && c.message.includes("could not be reached"),
    );
    expect(error?.message).toContain(
      "The vulnerability database could not be reached, so no package was checked",
    );
    expect(run.outputs.findings).toBe("0");

    const open = await runAction(action, { workspace: ws, inputs: { ...inputs, "fail-open": "true" } });
    expect(open.exitCode).toBe(0);
    expect(
      open.commands.some((c) => c.command === "notice" && c.message.includes("could not be reached")),
    ).toBe(true);
  }, 120_000);
});
