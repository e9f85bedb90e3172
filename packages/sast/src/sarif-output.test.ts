// What code scanning receives from a sast scan: the core SARIF reporter over the engine's real result.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateGate, FINGERPRINT_KEY, toSarif } from "@bulwark/core";
import { describe, expect, it } from "vitest";
import { scanSast } from "./scan-sast.js";
import { FIXTURE } from "./test-support/fixture.js";

const NOW = new Date("2026-11-23T00:00:00Z");

describe("SARIF from a sast scan", () => {
  it("has one run per analyser, each in its own category, and a fingerprint on every result", async () => {
    const scan = await scanSast({ root: FIXTURE });
    const gate = evaluateGate(scan, { failOn: "high" }, NOW);
    const { log, notices } = toSarif([{ scan, gate, category: "sast" }]);
    expect(notices).toEqual([]);
    const runs = log.runs.map((r) => [r.tool.driver.name, r.automationDetails?.id]);
    // The sast run holds the scan's own notices (Semgrep and gosec not installed).
    expect(runs).toEqual([
      ["sast", "sast/"],
      ["bandit", "sast/bandit/"],
      ["eslint", "sast/eslint/"],
      ["shellcheck", "sast/shellcheck/"],
      ["cppcheck", "sast/cppcheck/"],
      ["flawfinder", "sast/flawfinder/"],
    ]);
    expect(log.runs[0]!.results).toEqual([]);
    const results = log.runs.flatMap((r) => r.results ?? []);
    expect(results).toHaveLength(scan.findings.length);
    expect(results.every((r) => typeof r.partialFingerprints?.[FINGERPRINT_KEY] === "string")).toBe(true);
    for (const run of log.runs.slice(1)) {
      const name = run.tool.driver.name;
      expect(run.tool.driver.version).toMatch(/^\d+\.\d+/);
      expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
      expect(run.results!.length).toBe(scan.findings.filter((f) => f.tool === name).length);
      expect(run.invocations![0]!.executionSuccessful).toBe(true);
    }
    const cppcheck = log.runs.find((r) => r.tool.driver.name === "cppcheck")!;
    expect(cppcheck.tool.driver.rules!.find((r) => r.id === "memleak")?.properties).toMatchObject({
      "security-severity": "8.0",
      tags: ["security", "external/cwe/cwe-401"],
    });
    expect(scan.summaryMarkdown).toContain("| bandit | 0 | 1 | 3 | 2 | 0 |");
  });

  it("gives a failed analyser no run (code scanning would read an empty one as fixed), only its error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sast-fake-tool-"));
    const crash = join(dir, "bandit");
    writeFileSync(crash, '#!/bin/sh\necho "Traceback: boom" >&2\nexit 2\n');
    chmodSync(crash, 0o755);
    const scan = await scanSast({
      root: FIXTURE,
      tools: ["bandit", "shellcheck"],
      executables: { bandit: crash },
    });
    const gate = evaluateGate(scan, { failOn: "high" }, NOW);
    expect(gate.failed).toBe(true);
    const { log } = toSarif([{ scan, gate, category: "sast" }]);
    expect(log.runs.map((r) => r.automationDetails?.id)).toEqual(["sast/", "sast/shellcheck/"]);
    expect(log.runs[0]!.invocations![0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [
        { level: "error", message: { text: "bandit exited with code 2: Traceback: boom" } },
      ],
    });
  });
});
