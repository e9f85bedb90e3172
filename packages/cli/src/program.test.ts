// The real program: `bulwark osv-scan` runs the same check as the action, osv-scanner.toml ignores included.
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCKFILES_DIR, OSV_DB_DIR } from "../../osv/src/test-support/shared-data.js";
import { program } from "./program.js";
import { runCli } from "./test-support/run-cli.js";

const cli = (argv: string[], cwd: string) => runCli(argv, cwd, program);

describe("bulwark osv-scan", () => {
  const ws = mkdtempSync(join(tmpdir(), "bulwark-cli-osv-"));
  copyFileSync(
    join(LOCKFILES_DIR, "cyclonedx-json/CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json"),
    join(ws, "bom.json"),
  );
  // The local exports directory stands in for the bucket, so the CLI reads the real records offline.
  const flags = ["osv-scan", ".", "--database", "offline", "--osv-db-url", OSV_DB_DIR, "--format", "json"];

  it("fails on lodash 4.17.19, then passes once osv-scanner.toml ignores it", async () => {
    const failed = await cli(flags, ws);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("CVE-2021-23337");
    writeFileSync(
      join(ws, "osv-scanner.toml"),
      '[[IgnoredVulns]]\nid = "GHSA-35jh-r3h4-6jhm"\nreason = "no user templates"\n',
    );
    const passed = await cli(flags, ws);
    expect(passed.stderr).not.toContain("Error");
    expect(passed.code).toBe(0);
  }, 60_000);
});
