// The real program: `bulwark osv-scan` runs the same check as the action, osv-scanner.toml ignores included.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
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

describe("the program", () => {
  // Read from actions/, so an action added later must be registered here too.
  const actionsDir = fileURLToPath(new URL("../../../actions/", import.meta.url));
  const actions = readdirSync(actionsDir)
    .filter((name) => existsSync(join(actionsDir, name, "action.yml")))
    .sort();

  it("knows a check for every action", () => {
    expect(actions).toEqual(
      expect.arrayContaining(["container-scan", "osv-scan", "sast", "secret-scan", "supported-versions"]),
    );
    expect(program.checks.map((c) => c.name).sort()).toEqual(actions);
  });

  it.each(actions)("%s: the CLI takes exactly the action's inputs, as flags", (action) => {
    const metadata = parse(readFileSync(join(actionsDir, action, "action.yml"), "utf8")) as {
      description: string;
      inputs: Record<string, unknown>;
    };
    const check = program.checks.find((c) => c.name === action)!;
    expect(check.specs.map((s) => s.name)).toEqual(Object.keys(metadata.inputs));
    expect(check.description).toBe(metadata.description);
  });
});

describe("bulwark container-scan", () => {
  it("runs the container check: a repository that names no image passes and says nothing was scanned", async () => {
    const ws = mkdtempSync(join(tmpdir(), "bulwark-cli-containers-"));
    writeFileSync(join(ws, "README.md"), "# no images here\n");
    const flags = ["--database", "offline", "--osv-db-url", OSV_DB_DIR, "--format", "json"];
    const run = await cli(["container-scan", ".", ...flags], ws);
    expect(run.stderr).toContain("bulwark: running container-scan on");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      tool: string;
      verdict: string;
      problems: { message: string }[];
    };
    expect(report.tool).toBe("container-scan");
    expect(report.verdict).toBe("pass");
    expect(report.problems.map((p) => p.message).join("\n")).toContain("No image to scan");
  }, 60_000);
});

describe("bulwark all", () => {
  it("runs all five checks, in order, each input going only to the checks that have it", async () => {
    const ws = mkdtempSync(join(tmpdir(), "bulwark-cli-all-"));
    copyFileSync(
      join(LOCKFILES_DIR, "cyclonedx-json/CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json"),
      join(ws, "bom.json"),
    );
    writeFileSync(join(ws, "deploy.sh"), "#!/bin/sh\ncd $1\n");
    execFileSync("git", ["init", "-q"], { cwd: ws });
    // --database and --check-runtimes belong to some checks only; --fail-on to all.
    const flags = ["--database", "offline", "--osv-db-url", OSV_DB_DIR, "--check-runtimes=false"];
    // The user's environment, as bin.ts passes it: PATH finds git and the analysers.
    const argv = ["all", ".", ...flags, "--fail-on", "critical", "--format", "json"];
    const run = await runCli(argv, ws, program, { PATH: process.env.PATH });
    const reports = JSON.parse(run.stdout) as Array<{ tool: string; failOn: string; reasons: string[] }>;
    expect(reports.flatMap((r) => r.reasons).filter((r) => r.startsWith("Not checked"))).toEqual([]);
    expect(reports.map((r) => r.tool)).toEqual(program.checks.map((c) => c.name));
    expect(reports.map((r) => r.failOn)).toEqual(program.checks.map(() => "critical"));
    expect(run.code).toBe(0);
  }, 120_000);
});
