// The whole fixture repository scanned as a user would, compared tool by tool with what each tool says
// when run directly on the same repository in a different output format than the one we read.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding } from "@bulwark/core";
import { beforeAll, describe, expect, it } from "vitest";
import { scanSast } from "./scan-sast.js";
import { FIXTURE } from "./test-support/fixture.js";

/** "rule path:line" per tool, merged duplicates counted for every tool that reported them. */
function perTool(findings: readonly Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (tool: string, rule: string, f: Finding) => {
    const list = out.get(tool) ?? [];
    list.push(`${rule} ${f.location?.path}:${f.location?.startLine}`);
    out.set(tool, list);
  };
  for (const f of findings) {
    add(f.tool, f.ruleId, f);
    const also = (f.properties?.alsoReportedAs ?? []) as { tool: string; ruleId: string }[];
    for (const a of also) add(a.tool, a.ruleId, f);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** Runs a tool in the fixture root; findings make most of them exit non-zero, so the status is not checked. */
function native(command: string, args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(command, args, { cwd: FIXTURE, encoding: "utf8", timeout: 120_000 });
  if (run.error) throw run.error;
  return { stdout: run.stdout, stderr: run.stderr };
}

function matches(text: string, pattern: RegExp, key: (m: RegExpExecArray) => string): string[] {
  return text
    .split("\n")
    .map((line) => pattern.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(key)
    .sort();
}

let ours: Map<string, string[]>;

beforeAll(async () => {
  const result = await scanSast({ root: FIXTURE });
  expect(result.problems.filter((p) => p.level === "error")).toEqual([]);
  ours = perTool(result.findings);
}, 120_000);

describe("our findings equal each tool's own output on the fixture repository", () => {
  it("bandit (custom text template, recursive over the repository)", () => {
    const { stdout } = native("bandit", [
      "-r",
      ".",
      "-x",
      "./build,./node_modules",
      "-q",
      "-f",
      "custom",
      "--msg-template",
      "{test_id} {relpath}:{line}",
    ]);
    const expected = matches(stdout, /^(B\d+) \.?\/?(\S+:\d+)$/, (m) => `${m[1]} ${m[2]}`);
    expect(expected).toHaveLength(6);
    expect(ours.get("bandit")).toEqual(expected);
  });

  it("eslint with eslint-plugin-security's recommended config (stylish formatter, whole repository)", () => {
    const require = createRequire(import.meta.url);
    const dir = mkdtempSync(join(tmpdir(), "sast-native-eslint-"));
    const config = join(dir, "eslint.config.mjs");
    const plugin = pathToFileURL(require.resolve("eslint-plugin-security")).href;
    const parser = pathToFileURL(require.resolve("@typescript-eslint/parser")).href;
    writeFileSync(
      config,
      [
        `import security from ${JSON.stringify(plugin)};`,
        `import * as ts from ${JSON.stringify(parser)};`,
        `export default [`,
        `  { files: ["**/*.js"], plugins: { security }, rules: security.configs.recommended.rules },`,
        `  { files: ["**/*.ts"], plugins: { security }, rules: security.configs.recommended.rules,`,
        `    languageOptions: { parser: ts.default ?? ts } },`,
        `];`,
      ].join("\n"),
    );
    const bin = join(require.resolve("eslint/package.json"), "..", "bin", "eslint.js");
    const { stdout } = native(process.execPath, [bin, "--config", config, "--format", "stylish", "."]);
    // Stylish: a line with the file's absolute path, then "  line:col  level  message  rule" lines.
    const root = FIXTURE.endsWith("/") ? FIXTURE : `${FIXTURE}/`;
    const expected: string[] = [];
    let file = "";
    for (const line of stdout.split("\n")) {
      if (line.startsWith(root)) file = line.slice(root.length);
      const m = /^\s+(\d+):\d+\s+\w+\s+.*\s(security\/\S+)$/.exec(line);
      if (m) expected.push(`${m[2]} ${file}:${m[1]}`);
    }
    expected.sort();
    expect(expected).toHaveLength(5);
    expect(ours.get("eslint")).toEqual(expected);
  });

  it("shellcheck (gcc format)", () => {
    const { stdout } = native("shellcheck", ["-f", "gcc", "scripts/deploy.sh", "scripts/release"]);
    const expected = matches(
      stdout,
      /^(.+?):(\d+):\d+: \w+: .* \[(SC\d+)\]$/,
      (m) => `${m[3]} ${m[1]}:${m[2]}`,
    );
    expect(expected).toHaveLength(7);
    expect(ours.get("shellcheck")).toEqual(expected);
  });

  it("cppcheck (text template, the repository directory)", () => {
    const { stderr } = native("cppcheck", [
      "--enable=warning,portability",
      "--inline-suppr",
      "-q",
      "--template={id} {file}:{line}",
      ".",
    ]);
    const expected = matches(stderr, /^(\w+) \.?\/?(\S+:\d+)$/, (m) => `${m[1]} ${m[2]}`);
    expect(expected).toHaveLength(3);
    expect(ours.get("cppcheck")).toEqual(expected);
  });

  it("flawfinder (CSV, the repository directory)", () => {
    const { stdout } = native("flawfinder", ["--csv", "--quiet", "."]);
    const expected = matches(
      stdout,
      /^\.\/([^,]+),(\d+),.*,(FF\d+),[^,]*$/,
      (m) => `${m[3]} ${m[1]}:${m[2]}`,
    );
    expect(expected).toHaveLength(6);
    expect(ours.get("flawfinder")).toEqual(expected);
  });
});
