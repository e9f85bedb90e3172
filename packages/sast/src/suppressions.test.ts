// Inline suppressions as each tool's users already write them, each next to an unsuppressed twin, so a
// suppression that does nothing and one that hides too much both fail.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ScanResult } from "@bulwark/core";
import { beforeAll, describe, expect, it } from "vitest";
import { findExecutable } from "./find-executable.js";
import { suppressedByNolint } from "./nolint.js";
import { scanSast } from "./scan-sast.js";

const FILES: Record<string, string> = {
  "py/run.py": [
    "import subprocess",
    "",
    "def a(cmd):",
    "    return subprocess.call(cmd, shell=True)",
    "",
    "def b(cmd):",
    "    return subprocess.call(cmd, shell=True)  # nosec",
    "",
    "def c(cmd):",
    "    return subprocess.call(cmd, shell=True)  # nosec B602",
    "",
    "def d(cmd):",
    "    return eval(cmd)  # nosec B602",
    "",
  ].join("\n"),
  "js/run.js": [
    "module.exports.a = (c) => eval(c);",
    "module.exports.b = (c) => eval(c); // eslint-disable-line security/detect-eval-with-expression",
    "// eslint-disable-next-line security/detect-eval-with-expression",
    "module.exports.c = (c) => eval(c);",
    "module.exports.d = (c) => eval(c); // eslint-disable-line security/detect-child-process",
    "",
  ].join("\n"),
  "sh/run.sh": [
    "#!/bin/sh",
    "rm -rf $1/a",
    "# shellcheck disable=SC2086",
    "rm -rf $1/b",
    "# shellcheck disable=SC2164",
    "rm -rf $1/c",
    "",
  ].join("\n"),
  "c/run.c": [
    "#include <string.h>",
    "void a(char *d, const char *s) { strcpy(d, s); }",
    "void b(char *d, const char *s) { strcpy(d, s); } // NOLINT",
    "// NOLINTNEXTLINE",
    "void c(char *d, const char *s) { strcpy(d, s); }",
    "void d(char *d, const char *s) { strcpy(d, s); } // NOLINT(memleak)",
    "void e(char *d, const char *s) { strcpy(d, s); } // NOLINT(flawfinder-FF1001)",
    "// NOLINTBEGIN(flawfinder)",
    "void f(char *d, const char *s) { strcpy(d, s); }",
    "// NOLINTEND(flawfinder)",
    "void g(char *d, const char *s) { strcpy(d, s); } // Flawfinder: ignore",
    "int h(void) { int t[2]; t[2] = 0; return t[0]; }",
    "int i(void) { int t[2]; t[2] = 0; return t[0]; } // NOLINT(arrayIndexOutOfBounds)",
    "int j(void) {",
    "  int t[2];",
    "  // cppcheck-suppress arrayIndexOutOfBounds",
    "  t[2] = 0;",
    "  return t[0];",
    "}",
    "",
  ].join("\n"),
};

let result: ScanResult;
let root: string;

function found(tool: string, path: string): string[] {
  return result.findings
    .filter((f) => f.tool === tool && f.location?.path === path)
    .map((f) => `${f.ruleId}:${f.location?.startLine}`)
    .sort((a, b) => Number(a.split(":")[1]) - Number(b.split(":")[1]) || (a < b ? -1 : 1));
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "sast-suppress-"));
  root = dir;
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  result = await scanSast({ root: dir, tools: ["bandit", "eslint", "shellcheck", "cppcheck", "flawfinder"] });
  expect(result.problems.filter((p) => p.level === "error")).toEqual([]);
}, 120_000);

describe("inline suppressions", () => {
  it("bandit: `# nosec` hides the line; `# nosec B602` works as the installed Bandit reads it", () => {
    const ours = found("bandit", "py/run.py");
    expect(ours.slice(0, 2)).toEqual(["B404:1", "B602:4"]);
    // Bandit before 1.7.x reads `# nosec B602` as a plain `# nosec`; later ones keep other tests (B307).
    const native = spawnSync(
      "bandit",
      ["-q", "-f", "custom", "--msg-template", "{test_id}:{line}", "py/run.py"],
      {
        cwd: root,
        encoding: "utf8",
      },
    ).stdout;
    expect(ours.includes("B307:13")).toBe(native.includes("B307:13"));
    expect(ours).toHaveLength(native.includes("B307:13") ? 3 : 2);
  });

  it("eslint: `eslint-disable-line` and `eslint-disable-next-line` for the named rule only", () => {
    expect(found("eslint", "js/run.js")).toEqual([
      "security/detect-eval-with-expression:1",
      "security/detect-eval-with-expression:5",
    ]);
  });

  it("shellcheck: `# shellcheck disable=` for the named code on the next command", () => {
    expect(found("shellcheck", "sh/run.sh")).toEqual(["SC2086:2", "SC2086:6"]);
  });

  it("cppcheck and flawfinder: `// NOLINT` (clang-tidy's, applied by us) and each tool's own comment", () => {
    expect(found("flawfinder", "c/run.c")).toEqual(["FF1001:2", "FF1001:6"]);
    expect(found("cppcheck", "c/run.c")).toEqual(["arrayIndexOutOfBounds:12"]);
  });
});

describe("suppressedByNolint", () => {
  const finding = (line: number, ruleId = "memleak") => ({
    tool: "cppcheck",
    ruleId,
    title: "",
    message: "",
    severity: "high" as const,
    path: "a.c",
    line,
  });

  it("reads clang-tidy's forms and ignores NOLINT outside comments", () => {
    const lines = [
      "free(p); /* NOLINT */",
      "char *NOLINT_name = 0;",
      "// NOLINTNEXTLINE(mem*)",
      "leak();",
      "// NOLINTBEGIN",
      "leak();",
      "// NOLINTEND",
      "leak();",
    ];
    expect([1, 2, 4, 6, 8].map((n) => suppressedByNolint(lines, finding(n)))).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(suppressedByNolint(lines, finding(4, "nullPointer"))).toBe(false);
  });
});

describe("nosemgrep", () => {
  it.skipIf(!findExecutable("semgrep", process.env.PATH))(
    "is honoured by Semgrep itself (runs only where Semgrep is installed)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "sast-nosemgrep-"));
      writeFileSync(
        join(dir, ".semgrep.yml"),
        "rules:\n  - id: no-eval\n    pattern: eval(...)\n    message: eval\n    languages: [javascript]\n    severity: ERROR\n",
      );
      writeFileSync(join(dir, "a.js"), "eval(a);\neval(b); // nosemgrep\n");
      const scan = await scanSast({ root: dir, tools: ["semgrep"] });
      expect(scan.findings.map((f) => f.location?.startLine)).toEqual([1]);
    },
  );
});
