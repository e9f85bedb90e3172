import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commonInputs, defineCheck, fingerprint, input, type Finding } from "@bulwark/core";
import { describe, expect, it } from "vitest";
import type { CliProgram } from "./main.js";
import { runCli } from "./test-support/run-cli.js";

// A small real check: every file named TODO.<severity> in the tree is a finding of that severity.
const todoCheck = defineCheck({
  name: "supported-versions",
  description: "Test check: TODO.<severity> files are findings.",
  specs: [
    ...commonInputs,
    input.string("marker", { description: "File name prefix.", default: "TODO" }),
  ] as const,
  async run(inputs, context) {
    const findings: Finding[] = readdirSync(context.root)
      .filter((name) => name.startsWith(`${inputs.marker}.`))
      .map((name) => ({
        tool: "todo",
        ruleId: "todo/file",
        title: `${name} exists`,
        message: `${name} exists`,
        severity: name.split(".")[1] as Finding["severity"],
        location: { path: name, startLine: 1 },
        fingerprint: fingerprint("todo", name),
      }));
    return { tool: "todo", toolVersion: "1.0.0", findings, problems: [] };
  },
});

const program: CliProgram = { version: "9.9.9", checks: [todoCheck] };

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-cli-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const cli = (argv: string[], cwd: string) => runCli(argv, cwd, program);

describe("bulwark CLI", () => {
  it("passes with exit 0 when nothing is at or above fail-on", async () => {
    const dir = repo({ "TODO.low": "" });
    const result = await cli(["supported-versions", "."], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("TODO.low exists");
    expect(result.stdout).toContain("PASS");
  });

  it("fails with exit 1 when the gate fails, and --fail-on moves the threshold", async () => {
    const dir = repo({ "TODO.medium": "" });
    expect((await cli(["supported-versions", dir, "--fail-on", "medium"], "/")).code).toBe(1);
    expect((await cli(["supported-versions", dir, "--fail-on=critical"], "/")).code).toBe(0);
  });

  it("takes inputs from .github/bulwark.yml, with flags overriding it", async () => {
    const dir = repo({
      "TODO.medium": "",
      ".github/bulwark.yml": "supported-versions:\n  fail-on: medium\n",
    });
    expect((await cli(["supported-versions"], dir)).code).toBe(1);
    expect((await cli(["supported-versions", "--fail-on", "high"], dir)).code).toBe(0);
  });

  it("exits 2 on usage and configuration errors, naming the problem", async () => {
    const dir = repo({ ".github/bulwark.yml": "supported-versions:\n  fail-on: hgih\n" });
    const bad = await cli(["supported-versions"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bulwark.yml:2");
    const unknown = await cli(["supported-versions", "--no-such", "x"], repo({}));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option --no-such");
    const check = await cli(["nope"], repo({}));
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('Unknown check "nope"');
    const format = await cli(["all", "--format", "xml"], repo({}));
    expect(format.code).toBe(2);
  });

  it("writes the report to --output and json to the json-file input", async () => {
    const dir = repo({ "TODO.high": "" });
    const result = await cli(
      ["all", ".", "--format", "json", "--output", "out.json", "--json-file", "report.json"],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(readFileSync(join(dir, "out.json"), "utf8")).toContain("TODO.high exists");
    expect(readFileSync(join(dir, "report.json"), "utf8")).toContain("TODO.high exists");
  });

  it("prints help generated from the input specs", async () => {
    const result = await cli(["supported-versions", "--help"], repo({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--marker <value>");
    expect(result.stdout).toContain("--fail-on <critical|high|medium|low|none>");
  });
});
