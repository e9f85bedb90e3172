import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./test-support/run-cli.js";

const shared = fileURLToPath(new URL("../../../../shared/lockfiles/", import.meta.url));

const cli = (argv: string[], cwd: string) => runCli(argv, cwd, { version: "0", checks: [] });

function repoWithRealLockfiles(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-deps-"));
  mkdirSync(join(dir, "web"));
  mkdirSync(join(dir, "tool"));
  copyFileSync(join(shared, "cargo-lock/helix-editor__helix__Cargo.lock"), join(dir, "tool", "Cargo.lock"));
  writeFileSync(join(dir, "web", "requirements.txt"), "django==4.2.1\nrequests>=2\n");
  return dir;
}

describe("bulwark deps", () => {
  it("lists every file's packages as JSON, the same records the extractors return", async () => {
    const dir = repoWithRealLockfiles();
    const { code, stdout } = await cli(["deps", dir, "--format", "json"], "/");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      files: { file: string; packages: { name: string; version?: string }[] }[];
    };
    expect(report.files.map((f) => f.file).sort()).toEqual(["tool/Cargo.lock", "web/requirements.txt"]);
    const reqs = report.files.find((f) => f.file === "web/requirements.txt")!;
    expect(reqs.packages.map((p) => [p.name, p.version])).toEqual([
      ["django", "4.2.1"],
      ["requests", undefined],
    ]);
    expect(report.files.find((f) => f.file === "tool/Cargo.lock")!.packages.length).toBeGreaterThan(100);
  });

  it("prints a table, names unreadable files and exits 1 for them", async () => {
    const dir = repoWithRealLockfiles();
    writeFileSync(join(dir, "package-lock.json"), "{ not json");
    const { code, stdout } = await cli(["deps", ".", "--exclude", "tool/**"], dir);
    expect(code).toBe(1);
    expect(stdout).toContain("web/requirements.txt (requirements.txt): 2 packages");
    expect(stdout).toContain("PyPI requests (unresolved: >=2)");
    expect(stdout).toMatch(/error: package-lock\.json(:\d+)?: /);
    expect(stdout).not.toContain("Cargo.lock");
  });

  it("writes --output and rejects unknown options", async () => {
    const dir = repoWithRealLockfiles();
    expect((await cli(["deps", ".", "--format", "json", "--output", "deps.json"], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "deps.json"), "utf8")).files).toHaveLength(2);
    expect((await cli(["deps", ".", "--fail-on", "high"], dir)).code).toBe(2);
  });
});
