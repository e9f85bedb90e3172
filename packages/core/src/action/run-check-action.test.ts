import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defineCheck } from "../check.js";
import { commonInputs } from "../inputs/common.js";
import { runCheckAction } from "./run-check-action.js";

const SECRET = "s3cr3t-value-for-masking-test";

const check = defineCheck({
  name: "secret-scan",
  description: "test check",
  specs: commonInputs,
  run: async () => ({
    tool: "secret-scan",
    toolVersion: "0",
    findings: [
      {
        tool: "secret-scan",
        ruleId: "r",
        title: "a secret",
        message: "found one",
        severity: "high",
        fingerprint: "f",
        evidence: "s3cr…(29 chars)",
        location: { path: "a.txt", startLine: 1 },
      },
    ],
    problems: [],
    secretsForMasking: [SECRET],
  }),
});

describe("runCheckAction", () => {
  it("masks the scan's secrets before any other line and never writes them to a report", async () => {
    const ws = mkdtempSync(join(tmpdir(), "bulwark-mask-"));
    const temp = mkdtempSync(join(tmpdir(), "bulwark-mask-temp-"));
    writeFileSync(join(temp, "out"), "");
    writeFileSync(join(temp, "summary"), "");
    let stdout = "";
    const outcome = await runCheckAction(
      check,
      {
        GITHUB_WORKSPACE: ws,
        RUNNER_TEMP: temp,
        GITHUB_OUTPUT: join(temp, "out"),
        GITHUB_STEP_SUMMARY: join(temp, "summary"),
        "INPUT_JSON-FILE": "report.json",
      },
      { write: (t) => (stdout += t) },
    );
    expect(outcome.exitCode).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(`::add-mask::${SECRET}`);
    expect(lines.slice(1).join("\n")).not.toContain(SECRET);
    expect(readFileSync(join(ws, "report.json"), "utf8")).not.toContain(SECRET);
    for (const f of readdirSync(temp).filter((n) => !n.startsWith("bulwark-secret-scan-")))
      expect(readFileSync(join(temp, f), "utf8")).not.toContain(SECRET);
  });
});
