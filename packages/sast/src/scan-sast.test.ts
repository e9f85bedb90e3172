import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { findExecutable } from "./find-executable.js";
import { scanSast } from "./scan-sast.js";
import { FIXTURE, fixtureRepo, git } from "./test-support/fixture.js";

function script(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sast-fake-tool-"));
  const file = join(dir, "tool");
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** An environment whose PATH finds a fake `name` (a shell script with `body`) before the real one. */
function fakeOnPath(name: string, body: string): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), "sast-fake-bin-"));
  writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
  return { ...process.env, PATH: `${dir}:${process.env.PATH ?? ""}` };
}

describe("scanSast on the fixture repository", () => {
  it("runs the analysers for its languages, skipping node_modules and gitignored paths", async () => {
    const result = await scanSast({ root: FIXTURE });
    expect(result.problems.filter((p) => p.level === "error")).toEqual([]);
    expect(result.outputs?.tools).toBe("bandit,eslint,shellcheck,cppcheck,flawfinder");
    const tools = new Set(result.findings.map((f) => f.tool));
    expect([...tools].sort()).toEqual(["bandit", "cppcheck", "eslint", "flawfinder", "shellcheck"]);
    const paths = new Set(result.findings.map((f) => f.location?.path));
    expect(paths.has("node_modules/dep/index.js")).toBe(false);
    expect(paths.has("build/generated.py")).toBe(false);
    // Not installed here: a notice, not an error and not silence.
    expect(
      result.problems.some((p) => p.level === "notice" && p.message.startsWith("semgrep is not installed")),
    ).toBe(true);
    expect(result.summaryMarkdown).toContain("| bandit |");
    expect(result.stats).toMatchObject({
      "python-files": 1,
      "javascript-files": 2,
      "typescript-files": 1,
      "shell-files": 2,
      "c-files": 1,
    });
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(result.findings.length);
  });

  it("gives the same findings when files go to each tool in batches", async () => {
    const whole = await scanSast({ root: FIXTURE, tools: ["shellcheck", "eslint"] });
    const batched = await scanSast({ root: FIXTURE, tools: ["shellcheck", "eslint"], batchSize: 1 });
    expect(batched.findings).toEqual(whole.findings);
    expect(batched.findings.length).toBeGreaterThan(5);
  });

  it("merges one issue found by cppcheck and flawfinder into one finding naming both", async () => {
    const result = await scanSast({ root: FIXTURE, tools: ["cppcheck", "flawfinder"] });
    const line28 = result.findings.filter(
      (f) => f.location?.path === "native/copy.c" && f.location.startLine === 28,
    );
    const merged = line28.find((f) => (f.properties?.tools as string[]).length === 2);
    expect(merged?.properties?.tools).toEqual(["cppcheck", "flawfinder"]);
    expect(merged?.ids).toContain("CWE-119");
    expect(merged?.message).toMatch(/Also reported by/);
    // flawfinder's scanf finding (CWE-120/CWE-20) stays separate: no CWE in common.
    expect(line28).toHaveLength(2);
  });

  it("keeps fingerprints when unrelated lines are added above a finding", async () => {
    const dir = fixtureRepo();
    const before = await scanSast({ root: dir, tools: ["bandit"] });
    const file = join(dir, "app/server.py");
    writeFileSync(file, `"""Docs."""\n\n\n${readFileSync(file, "utf8")}`);
    const after = await scanSast({ root: dir, tools: ["bandit"] });
    expect(after.findings.map((f) => f.location?.startLine)).not.toEqual(
      before.findings.map((f) => f.location?.startLine),
    );
    expect(after.findings.map((f) => f.fingerprint).sort()).toEqual(
      before.findings.map((f) => f.fingerprint).sort(),
    );
  });
});

describe("analyser faults", () => {
  it("a missing tool is an error problem; the other results stand", async () => {
    const result = await scanSast({
      root: FIXTURE,
      tools: ["bandit", "shellcheck"],
      env: { ...process.env, PATH: "/nonexistent" },
      executables: { shellcheck: "/usr/bin/shellcheck" },
    });
    expect(result.problems).toContainEqual({
      level: "error",
      message:
        "bandit is not installed (not found on PATH), so 1 file(s) were not checked by it; install it with `sudo apt-get install -y bandit` or `pipx install bandit`",
      tool: "bandit",
    });
    expect(result.findings.filter((f) => f.tool === "shellcheck").length).toBeGreaterThan(0);
  });

  it("a crashing tool is an error problem with its stderr tail", async () => {
    const env = fakeOnPath("bandit", 'echo "Traceback: boom" >&2\nexit 2');
    const result = await scanSast({ root: FIXTURE, tools: ["bandit", "shellcheck"], env });
    expect(result.problems).toContainEqual({
      level: "error",
      message: "bandit exited with code 2: Traceback: boom",
      tool: "bandit",
    });
    expect(result.summaryMarkdown).toMatch(/\| bandit \| unknown \| failed \| 1 \| 0 \|/);
    expect(result.findings.some((f) => f.tool === "bandit")).toBe(false);
    expect(result.findings.some((f) => f.tool === "shellcheck")).toBe(true);
  });

  it("a tool killed by a signal is an error problem too", async () => {
    const env = fakeOnPath("shellcheck", "kill -9 $$");
    const result = await scanSast({ root: FIXTURE, tools: ["shellcheck"], env });
    expect(result.problems).toContainEqual({
      level: "error",
      message: "shellcheck was killed by SIGKILL",
      tool: "shellcheck",
    });
  });

  it("a hanging tool is stopped at the time limit, its children too; the other results stand", async () => {
    const marker = join(mkdtempSync(join(tmpdir(), "sast-hang-")), "child-alive");
    // The fake starts a grandchild that would write the marker after the limit, then hangs itself.
    const env = fakeOnPath("cppcheck", `(sleep 4; touch "${marker}") &\nsleep 30`);
    const started = Date.now();
    const result = await scanSast({ root: FIXTURE, tools: ["cppcheck", "flawfinder"], env, timeoutMs: 1000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.problems).toContainEqual({
      level: "error",
      message: "cppcheck timed out",
      tool: "cppcheck",
    });
    expect(result.findings.some((f) => f.tool === "flawfinder")).toBe(true);
    await new Promise((r) => setTimeout(r, 4500));
    expect(existsSync(marker)).toBe(false);
  });

  it("output that is not the tool's format is an error, never an empty pass", async () => {
    const garbage = script("echo not json; exit 0");
    const result = await scanSast({
      root: FIXTURE,
      tools: ["shellcheck"],
      executables: { shellcheck: garbage },
    });
    expect(result.problems[0]).toMatchObject({
      level: "error",
      message: "shellcheck did not write JSON (exit code 0)",
    });
  });

  it("gosec, which reads packages itself, runs once however many batches of Go files there are", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sast-go-"));
    for (const name of ["a.go", "b.go", "c.go"]) writeFileSync(join(dir, name), "package main\n");
    const calls = join(dir, "calls.txt");
    const crash = script(
      `case "$1" in -fmt=*) echo run >> "${calls}";; esac\necho "gosec: no Go toolchain" >&2\nexit 3`,
    );
    const result = await scanSast({ root: dir, batchSize: 1, executables: { gosec: crash } });
    expect(readFileSync(calls, "utf8")).toBe("run\n");
    expect(result.problems).toContainEqual({
      level: "error",
      message: "gosec exited with code 3: gosec: no Go toolchain",
      tool: "gosec",
    });
  });

  it("gosec's SARIF becomes findings: rule, CWE from the taxonomy relationship, path relative to the root", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sast-go-"));
    writeFileSync(join(dir, "go.mod"), "module example.com/app\n\ngo 1.22\n");
    mkdirSync(join(dir, "cmd"));
    writeFileSync(
      join(dir, "cmd/main.go"),
      'package main\n\nimport "os/exec"\n\nfunc main() {\n\tname := "x"\n\texec.Command("sh", "-c", name).Run()\n}\n',
    );
    // The shape gosec -fmt=sarif writes: rules with a CWE taxonomy relationship, absolute file URIs.
    const sarif = JSON.stringify({
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "gosec",
              version: "2.21.4",
              rules: [
                {
                  id: "G204",
                  name: "Subprocess launched with variable",
                  shortDescription: { text: "Subprocess launched with variable" },
                  defaultConfiguration: { level: "warning" },
                  properties: { tags: ["security", "MEDIUM"], precision: "high" },
                  relationships: [
                    { target: { id: "78", toolComponent: { name: "CWE" } }, kinds: ["superset"] },
                  ],
                },
              ],
            },
          },
          taxonomies: [{ name: "CWE", taxa: [{ id: "78" }] }],
          results: [
            {
              ruleId: "G204",
              ruleIndex: 0,
              level: "warning",
              message: { text: "Subprocess launched with a potential tainted input or cmd arguments" },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: `${dir}/cmd/main.go` },
                    region: { startLine: 7, startColumn: 2, endLine: 7, endColumn: 36 },
                  },
                },
              ],
            },
          ],
        },
      ],
    });
    const gosecBin = script(`cat <<'EOF'\n${sarif}\nEOF\nexit 1`);
    const result = await scanSast({ root: dir, tools: ["gosec"], executables: { gosec: gosecBin } });
    expect(result.problems.filter((p) => p.level === "error")).toEqual([]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      tool: "gosec",
      ruleId: "G204",
      severity: "medium",
      ids: ["CWE-78"],
      location: { path: "cmd/main.go", startLine: 7 },
    });
  });

  it("Semgrep gets the rule sets the user named, one --config each", async () => {
    const calls = join(mkdtempSync(join(tmpdir(), "sast-semgrep-")), "args.txt");
    const sarif =
      '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Semgrep OSS","rules":[]}},"results":[]}]}';
    const env = fakeOnPath("semgrep", `case "$1" in scan) echo "$@" > "${calls}";; esac\necho '${sarif}'`);
    const result = await scanSast({
      root: FIXTURE,
      tools: ["semgrep"],
      env,
      semgrepRules: ["p/python", "rules/team.yml"],
    });
    expect(result.problems.filter((p) => p.level === "error")).toEqual([]);
    expect(readFileSync(calls, "utf8")).toMatch(
      /^scan --sarif --quiet --metrics=off --config=p\/python --config=rules\/team\.yml -- app\/server\.py /,
    );
  });

  it("an unknown tool name is refused", async () => {
    await expect(scanSast({ root: FIXTURE, tools: ["pylint"] })).rejects.toThrow(
      /unknown tool pylint; known tools: bandit/,
    );
  });
});

describe("scope", () => {
  function branchWithChange(): { dir: string; base: string; head: string } {
    const dir = fixtureRepo();
    const base = git(dir, "rev-parse", "HEAD").trim();
    git(dir, "checkout", "-q", "-b", "feature");
    const file = join(dir, "app/server.py");
    // One new issue, and an old one moved down by an unrelated edit.
    writeFileSync(
      file,
      `import os\n${readFileSync(file, "utf8")}\n\ndef shell(c):\n    return os.system(c)\n`,
    );
    git(dir, "commit", "-qam", "add shell");
    return { dir, base, head: git(dir, "rev-parse", "HEAD").trim() };
  }

  it("changed-lines keeps only findings on lines the change added", async () => {
    const { dir, base, head } = branchWithChange();
    const result = await scanSast({ root: dir, tools: ["bandit"], scope: "changed-lines", base, head });
    expect(result.findings.map((f) => `${f.ruleId}:${f.location?.startLine}`)).toEqual(["B605:28"]);
    expect(result.stats?.["findings-before-scope"]).toBe(7);
  });

  it("new keeps only findings the base commit does not have", async () => {
    const { dir, base, head } = branchWithChange();
    const result = await scanSast({ root: dir, tools: ["bandit"], scope: "new", base, head });
    expect(result.findings.map((f) => f.ruleId)).toEqual(["B605"]);
  });

  /** main and feature both move on after the branch point, as in a real pull request. */
  function divergedHistory(): { dir: string; base: string; head: string } {
    const dir = fixtureRepo();
    git(dir, "checkout", "-q", "-b", "feature");
    const server = join(dir, "app/server.py");
    writeFileSync(
      server,
      readFileSync(server, "utf8").replace("return eval(expr)", "return eval(expr.strip())"),
    );
    git(dir, "commit", "-qam", "strip before eval");
    writeFileSync(
      join(dir, "web/exec.js"),
      'const cp = require("child_process");\nmodule.exports = (c) => cp.exec(c);\n',
    );
    git(dir, "add", "web/exec.js");
    git(dir, "commit", "-qm", "add exec helper");
    const head = git(dir, "rev-parse", "HEAD").trim();
    // The base branch drops the eval in render.js after the branch point; the feature branch still has it.
    git(dir, "checkout", "-q", "main");
    const render = join(dir, "web/render.js");
    writeFileSync(
      render,
      readFileSync(render, "utf8").replace("return eval(code);\n", "return Number(code);\n"),
    );
    git(dir, "commit", "-qam", "no eval");
    const base = git(dir, "rev-parse", "HEAD").trim();
    git(dir, "checkout", "-q", "feature");
    return { dir, base, head };
  }

  it("changed-lines on a diverged history: modified and added lines count, the base branch's own changes do not", async () => {
    const { dir, base, head } = divergedHistory();
    const result = await scanSast({
      root: dir,
      tools: ["bandit", "eslint"],
      scope: "changed-lines",
      base,
      head,
    });
    expect(result.findings.map((f) => `${f.ruleId} ${f.location?.path}:${f.location?.startLine}`)).toEqual([
      "B307 app/server.py:23",
      "security/detect-child-process web/exec.js:2",
    ]);
  });

  it("new on a diverged history compares with the branch point, not the base branch's tip", async () => {
    const { dir, base, head } = divergedHistory();
    const result = await scanSast({ root: dir, tools: ["bandit", "eslint"], scope: "new", base, head });
    expect(result.findings.map((f) => `${f.ruleId} ${f.location?.path}:${f.location?.startLine}`)).toEqual([
      "B307 app/server.py:23",
      "security/detect-child-process web/exec.js:2",
    ]);
    // The old eval line changed: its finding is gone from the head, listed as fixed.
    expect(result.fixed?.map((f) => `${f.ruleId} ${f.location?.path}:${f.location?.startLine}`)).toEqual([
      "B307 app/server.py:23",
    ]);
    expect(result.summaryMarkdown).toMatch(
      /Scope new: 2 of 12 findings are not in [0-9a-f]{12}, where the change branched/,
    );
  });

  it("new: an analyser failing on the base makes its findings count as new, with a warning", async () => {
    const { dir, base, head } = divergedHistory();
    const env = fakeOnPath(
      "bandit",
      `case "$PWD" in *sast-base-*) echo "boom on base" >&2; exit 2;; esac\nexec ${findExecutable("bandit", process.env.PATH)} "$@"`,
    );
    const result = await scanSast({ root: dir, tools: ["bandit"], scope: "new", base, head, env });
    expect(result.findings).toHaveLength(6);
    expect(result.problems).toContainEqual({
      level: "warning",
      tool: "bandit",
      message:
        "scanning the base commit: bandit exited with code 2: boom on base; what it could not see counts as new",
    });
  });

  it("changed-lines when the scanned root is a subdirectory of the repository", async () => {
    const { dir, base, head } = divergedHistory();
    const result = await scanSast({
      root: join(dir, "web"),
      tools: ["eslint"],
      scope: "changed-lines",
      base,
      head,
    });
    expect(result.findings.map((f) => `${f.ruleId} ${f.location?.path}:${f.location?.startLine}`)).toEqual([
      "security/detect-child-process exec.js:2",
    ]);
  });

  it("an unknown base commit is an error and every finding is reported", async () => {
    const { dir, head } = branchWithChange();
    const result = await scanSast({
      root: dir,
      tools: ["bandit"],
      scope: "changed-lines",
      base: "f".repeat(40),
      head,
    });
    expect(result.findings).toHaveLength(7);
    expect(result.problems[0]?.level).toBe("error");
    expect(result.problems[0]?.message).toMatch(/^git diff f+\.\.\.[0-9a-f]+ failed/);
  });
});

describe("exclude", () => {
  function tree(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), "sast-exclude-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const evalJs = "module.exports = (c) => eval(c);\n";
  const files = {
    "src/app.js": evalJs,
    "dist/index.js": evalJs,
    "web/jquery.min.js": evalJs,
    "legacy/old.js": evalJs,
    "vendor/lib/util.py": "import pickle\npickle.loads(b'')\n",
    "native/main.c": '#include "../third_party/ring.h"\nint main(void) { return ring(); }\n',
    "third_party/ring.h": "static int ring(void) { int a[2]; a[2] = 0; return a[0]; }\n",
  };

  it("keeps vendored, built and minified code away from every analyser, headers a tool reads included", async () => {
    const dir = tree(files);
    const result = await scanSast({ root: dir });
    expect(result.outputs?.tools).toBe("eslint,cppcheck,flawfinder");
    const paths = [...new Set(result.findings.map((f) => f.location?.path))].sort();
    expect(paths).toEqual(["legacy/old.js", "src/app.js"]);
    expect(result.stats).toMatchObject({ "javascript-files": 2, "c-files": 1 });
    expect(result.stats?.["python-files"]).toBeUndefined();
    // Without the exclusions cppcheck reports the header it read through the #include.
    const everything = await scanSast({ root: dir, tools: ["cppcheck"], exclude: ["!third_party/"] });
    expect(everything.findings.map((f) => `${f.ruleId} ${f.location?.path}`)).toEqual([
      "arrayIndexOutOfBounds third_party/ring.h",
    ]);
  });

  it("adds the user's patterns to the defaults and brings a default back with a negation", async () => {
    const dir = tree(files);
    const result = await scanSast({ root: dir, tools: ["eslint"], exclude: ["legacy/", "!dist/"] });
    const paths = [...new Set(result.findings.map((f) => f.location?.path))].sort();
    expect(paths).toEqual(["dist/index.js", "src/app.js"]);
  });

  it("applies to SARIF merged from other steps", async () => {
    const dir = tree(files);
    const log = {
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "Other", rules: [{ id: "R1" }] } },
          results: ["src/app.js", "dist/index.js"].map((uri) => ({
            ruleId: "R1",
            level: "warning",
            message: { text: "r1" },
            locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }],
          })),
        },
      ],
    };
    writeFileSync(join(dir, "other.sarif"), JSON.stringify(log));
    const result = await scanSast({ root: dir, tools: ["shellcheck"], sarifFiles: ["other.sarif"] });
    expect(result.findings.map((f) => f.location?.path)).toEqual(["src/app.js"]);
  });
});
