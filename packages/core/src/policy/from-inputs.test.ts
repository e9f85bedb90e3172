import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commonInputs } from "../inputs/common.js";
import { readInputs } from "../inputs/read.js";
import { flagInputSource } from "../inputs/sources.js";
import { writeBaseline } from "./baseline.js";
import { gatePolicyFromInputs } from "./from-inputs.js";
import { evaluateGate } from "./gate.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "bulwark-policy-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("gatePolicyFromInputs", () => {
  it("builds a policy from inputs and loads the baseline relative to the base dir", async () => {
    await writeBaseline(join(dir, ".github", "bulwark-baseline.json"), ["fp-accepted"]);
    const inputs = readInputs(
      commonInputs,
      flagInputSource({
        "fail-on": "medium",
        baseline: ".github/bulwark-baseline.json",
        "fail-open": "true",
        ignore: "- id: CVE-2021-23337\n  reason: template() never gets user input\n",
      }),
    );
    const policy = await gatePolicyFromInputs(inputs, { baseDir: dir });
    expect(policy).toEqual({
      failOn: "medium",
      ignores: [{ id: "CVE-2021-23337", reason: "template() never gets user input" }],
      reportOnly: false,
      failOpen: true,
      baseline: new Set(["fp-accepted"]),
    });

    const result = evaluateGate(
      {
        tool: "osv-scan",
        toolVersion: "0",
        problems: [],
        findings: [
          {
            tool: "osv-scan",
            ruleId: "R",
            title: "t",
            message: "m",
            severity: "high",
            fingerprint: "fp-accepted",
          },
        ],
      },
      policy,
      new Date("2026-01-01T00:00:00Z"),
    );
    expect(result.findings[0]?.status).toBe("baseline");
    expect(result.failed).toBe(false);
  });

  it("names a missing baseline file as the user wrote it", async () => {
    const inputs = readInputs(commonInputs, flagInputSource({ baseline: "missing/baseline.json" }));
    await expect(gatePolicyFromInputs(inputs, { baseDir: dir })).rejects.toThrow(
      "missing/baseline.json: baseline: file not found",
    );
  });

  it("has no baseline when none is named", async () => {
    const policy = await gatePolicyFromInputs(
      readInputs(commonInputs, () => undefined),
      { baseDir: dir },
    );
    expect(policy.baseline).toBeUndefined();
    expect(policy.failOn).toBe("high");
  });
});
