import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import security from "eslint-plugin-security";
import { describe, expect, it } from "vitest";
import { FIXTURE, keys } from "../test-support/fixture.js";
import { eslint } from "./eslint.js";

const files = ["web/lookup.ts", "web/render.js"];

describe("eslint", () => {
  it("converts exactly what ESLint's own API reports with the security rules; the repo's config is never loaded", async () => {
    const exe = eslint.locate(process.env)!;
    // The fixture's eslint.config.js throws when loaded: a clean run proves it was not.
    const out = await eslint.run({
      root: FIXTURE,
      files,
      executable: exe,
      timeoutMs: 120_000,
      env: process.env,
      tempDir: tmpdir(),
    });
    expect(out.problems).toEqual([]);
    const api = new ESLint({
      cwd: FIXTURE,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ["**/*.js"], plugins: { security }, rules: security.configs.recommended.rules },
        {
          files: ["**/*.ts"],
          plugins: { security },
          rules: security.configs.recommended.rules,
          languageOptions: { parser: tsParser },
        },
      ],
    });
    const results = await api.lintFiles(files.map((f) => join(FIXTURE, f)));
    const native = results.flatMap((r) =>
      r.messages.map((m) => ({
        ruleId: m.ruleId ?? "",
        path: r.filePath.slice(FIXTURE.length),
        line: m.line,
      })),
    );
    expect(native.length).toBe(5);
    expect(keys(out.findings)).toEqual(keys(native));
    // `// eslint-disable-line` on line 17.
    expect(out.findings.some((f) => f.path === "web/render.js" && f.line === 17)).toBe(false);
    expect(await eslint.version(exe, process.env, 20_000)).toBe(ESLint.version);
    expect(out.findings.find((f) => f.ruleId === "security/detect-child-process")).toMatchObject({
      severity: "high",
      line: 9,
      column: 3,
    });
  });
});

describe("eslint on files it cannot parse", () => {
  it("reports the parse error as a problem naming file and line; other files' findings stand", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sast-eslint-"));
    writeFileSync(join(dir, "broken.js"), "function (\n");
    writeFileSync(join(dir, "ok.js"), "module.exports = (c) => eval(c);\n");
    const out = await eslint.run({
      root: dir,
      files: ["broken.js", "ok.js"],
      executable: eslint.locate(process.env)!,
      timeoutMs: 120_000,
      env: process.env,
      tempDir: tmpdir(),
    });
    expect(out.problems).toEqual([
      {
        level: "error",
        path: "broken.js",
        line: 1,
        message: "eslint could not parse broken.js:1: Parsing error: Unexpected token (",
      },
    ]);
    expect(keys(out.findings)).toEqual(["security/detect-eval-with-expression ok.js:1"]);
  });

  it("ignores ESLint's remarks on a file's own config comments, which are neither findings nor failures", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sast-eslint-"));
    // The same rule configured twice by comments: ESLint says so in a message without a rule id.
    writeFileSync(
      join(dir, "bundle.js"),
      "/* eslint no-shadow: 0 */\n/* eslint no-shadow: 0 */\nmodule.exports = (c) => eval(c);\n",
    );
    const out = await eslint.run({
      root: dir,
      files: ["bundle.js"],
      executable: eslint.locate(process.env)!,
      timeoutMs: 120_000,
      env: process.env,
      tempDir: tmpdir(),
    });
    expect(out.problems).toEqual([]);
    expect(keys(out.findings)).toEqual(["security/detect-eval-with-expression bundle.js:3"]);
  });
});
