// The committed sast bundle, run as the runner runs it, on a copy of the deliberately vulnerable fixture
// repository (a real git repository), with the analysers installed on this machine.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runAction } from "./harness/run-action.js";

const action = fileURLToPath(new URL("../../actions/sast/", import.meta.url));
const fixture = fileURLToPath(new URL("../../packages/sast/fixtures/vulnerable/", import.meta.url));

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
    encoding: "utf8",
  });
}

function fixtureRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-sast-"));
  cpSync(fixture, dir, { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.test");
  git(dir, "config", "user.name", "Dev");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "init");
  return dir;
}

interface JsonFinding {
  tool: string;
  ruleId: string;
  location?: { path: string; startLine?: number };
  properties?: { tools?: string[] };
}

describe("sast action", () => {
  it("runs every analyser for the repository's languages into one SARIF and fails on high findings", async () => {
    const ws = fixtureRepo();
    // A committed bundle (excluded by default) and a folder the exclude input names.
    for (const dir of ["dist", "legacy"]) {
      mkdirSync(join(ws, dir));
      writeFileSync(join(ws, dir, "app.js"), "module.exports = (c) => eval(c);\n");
    }
    const run = await runAction(action, {
      workspace: ws,
      inputs: { "json-file": "out/sast.json", exclude: "legacy/" },
      timeoutMs: 300_000,
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failed).toBe("true");
    const report = JSON.parse(readFileSync(join(ws, "out/sast.json"), "utf8"));
    const tools = new Set(report.findings.map((f: JsonFinding) => f.tool));
    expect([...tools].sort()).toEqual(["bandit", "cppcheck", "eslint", "flawfinder", "shellcheck"]);
    // ESLint ran from inside the bundle with our config (the fixture's own config throws when loaded).
    expect(report.problems.filter((p: { level: string }) => p.level === "error")).toEqual([]);
    const paths = new Set(report.findings.map((f: JsonFinding) => f.location?.path));
    expect(paths.has("node_modules/dep/index.js")).toBe(false);
    expect(paths.has("build/generated.py")).toBe(false);
    expect(paths.has("dist/app.js")).toBe(false);
    expect(paths.has("legacy/app.js")).toBe(false);
    const merged = report.findings.find((f: JsonFinding) => f.properties?.tools?.length === 2);
    expect(merged.properties.tools).toEqual(["cppcheck", "flawfinder"]);

    const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"]!, "utf8"));
    // One run per analyser, each its own code-scanning category; the sast run holds the scan's notices.
    expect(sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id)).toEqual([
      "sast/",
      "sast/bandit/",
      "sast/eslint/",
      "sast/shellcheck/",
      "sast/cppcheck/",
      "sast/flawfinder/",
    ]);
    const results = sarif.runs.flatMap(
      (r: { results: { partialFingerprints: Record<string, string> }[] }) => r.results,
    );
    expect(results).toHaveLength(report.findings.length);
    expect(
      results.every((r: { partialFingerprints: object }) => Object.keys(r.partialFingerprints).length),
    ).toBe(true);
    expect(run.summary).toContain("| eslint | 9.");
    expect(run.summary).toContain("| semgrep |");
  });

  it("reports only findings on lines a pull request changed with scope changed-lines", async () => {
    const ws = fixtureRepo();
    const base = git(ws, "rev-parse", "HEAD").trim();
    git(ws, "checkout", "-q", "-b", "feature");
    const file = join(ws, "app/server.py");
    writeFileSync(
      file,
      `import os\n${readFileSync(file, "utf8")}\n\ndef shell(c):\n    return os.system(c)\n`,
    );
    git(ws, "commit", "-qam", "add shell");
    const head = git(ws, "rev-parse", "HEAD").trim();
    const event = {
      pull_request: {
        number: 3,
        base: { ref: "main", sha: base, repo: { full_name: "octo/app" } },
        head: { ref: "feature", sha: head, repo: { full_name: "octo/app" } },
      },
    };
    const run = await runAction(action, {
      workspace: ws,
      eventName: "pull_request",
      event,
      inputs: { scope: "changed-lines", "json-file": "out/sast.json" },
      timeoutMs: 300_000,
    });
    const report = JSON.parse(readFileSync(join(ws, "out/sast.json"), "utf8"));
    expect(
      report.findings.map((f: JsonFinding) => `${f.ruleId} ${f.location?.path}:${f.location?.startLine}`),
    ).toEqual(["B605 app/server.py:28"]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.findings).toBe("1");
  });

  it("merges SARIF from other steps, and passes when nothing reaches fail-on", async () => {
    const ws = fixtureRepo();
    const other = {
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "CodeChecker",
              version: "1.0",
              rules: [{ id: "X1", properties: { tags: ["external/cwe/cwe-79"] } }],
            },
          },
          results: [
            {
              ruleId: "X1",
              level: "note",
              message: { text: "Reflected input" },
              locations: [
                {
                  physicalLocation: { artifactLocation: { uri: "web/render.js" }, region: { startLine: 5 } },
                },
              ],
            },
          ],
        },
      ],
    };
    writeFileSync(join(ws, "other.sarif"), JSON.stringify(other));
    const run = await runAction(action, {
      workspace: ws,
      inputs: { tools: "shellcheck", "sarif-files": "other.sarif", "json-file": "out/sast.json" },
      timeoutMs: 120_000,
    });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(readFileSync(join(ws, "out/sast.json"), "utf8"));
    const imported = report.findings.find((f: JsonFinding) => f.tool === "codechecker");
    expect(imported).toMatchObject({
      ruleId: "X1",
      severity: "low",
      ids: ["CWE-79"],
      location: { path: "web/render.js", startLine: 5 },
    });
    expect(
      report.findings.every((f: JsonFinding) => f.tool === "shellcheck" || f.tool === "codechecker"),
    ).toBe(true);
    // The merged tool keeps its own code-scanning category beside ours.
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"]!, "utf8"));
    expect(
      sarif.runs.map((r: { tool: { driver: { name: string } }; automationDetails: { id: string } }) => [
        r.tool.driver.name,
        r.automationDetails.id,
      ]),
    ).toContainEqual(["codechecker", "sast/codechecker/"]);
  });
});
