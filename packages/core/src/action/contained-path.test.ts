// Inputs and config values naming paths cannot reach outside the workspace and RUNNER_TEMP.
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defineCheck } from "../check.js";
import { ConfigError } from "../config/errors.js";
import { commonInputs } from "../inputs/common.js";
import { containedPath } from "./contained-path.js";
import { runCheckAction } from "./run-check-action.js";

describe("containedPath", () => {
  const ws = "/work/repo";
  const temp = "/runner/_temp";
  it("keeps paths inside the workspace or the temp directory", () => {
    expect(containedPath(ws, ".", [ws, temp], "path")).toBe(ws);
    expect(containedPath(ws, "out/r.json", [ws, temp], "json-file")).toBe("/work/repo/out/r.json");
    expect(containedPath(ws, "/runner/_temp/x.sarif", [ws, temp], "sarif-file")).toBe(
      "/runner/_temp/x.sarif",
    );
    expect(containedPath(ws, "a/../b..c", [ws, temp], "path")).toBe("/work/repo/b..c");
  });

  it.each(["..", "../other", "/etc", "/work/repo-evil/x", "out/../../x", "/runner/_temp/../work/x"])(
    "refuses %s with a ConfigError naming the input",
    (value) => {
      expect(() => containedPath(ws, value, [ws, temp], "baseline")).toThrow(ConfigError);
      expect(() => containedPath(ws, value, [ws, temp], "baseline")).toThrow(/^baseline: ".*" is outside/);
    },
  );
});

describe("runCheckAction with paths outside the workspace", () => {
  let ran = false;
  const check = defineCheck({
    name: "osv-scan",
    description: "test check",
    specs: commonInputs,
    run: async () => {
      ran = true;
      return { tool: "osv-scan", toolVersion: "0", findings: [], problems: [] };
    },
  });

  it.each([
    ["INPUT_SARIF-FILE", "../escaped.sarif"],
    ["INPUT_JSON-FILE", "../escaped.json"],
    ["INPUT_PATH", ".."],
    ["INPUT_BASELINE", "../../etc/passwd"],
  ])("%s=%s fails the step before scanning and writes nothing outside", async (name, value) => {
    const parent = mkdtempSync(join(tmpdir(), "bulwark-contain-"));
    const ws = join(parent, "ws");
    const temp = join(parent, "temp");
    mkdirSync(ws);
    mkdirSync(temp);
    writeFileSync(join(temp, "out"), "");
    writeFileSync(join(temp, "summary"), "");
    let stdout = "";
    ran = false;
    const outcome = await runCheckAction(
      check,
      {
        GITHUB_WORKSPACE: ws,
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: join(temp, "out"),
        GITHUB_STEP_SUMMARY: join(temp, "summary"),
        [name]: value,
      },
      { write: (t) => (stdout += t) },
    );
    expect(outcome.exitCode).toBe(1);
    expect(ran).toBe(false);
    expect(stdout).toMatch(/::error.*is outside the workspace and the runner's temp directory/);
    expect(existsSync(join(parent, "escaped.sarif"))).toBe(false);
    expect(existsSync(join(parent, "escaped.json"))).toBe(false);
  });
});
