import { describe, expect, it } from "vitest";
import { evaluateGate } from "../policy/gate.js";
import { toAnnotations } from "./annotations.js";
import { gateFor, manyFindings, NOW, osvScan, sastScans, secretScan } from "./test-support/scans.js";

describe("toAnnotations", () => {
  it("annotates blocking findings as errors, other new ones as warnings, baseline as notices; never ignored ones", () => {
    const scan = osvScan();
    const { annotations, omitted, note } = toAnnotations(gateFor(scan), { problems: scan.problems });
    expect(annotations.map((a) => [a.level, a.title, a.file, a.startLine])).toEqual([
      ["error", "Not checked", "yarn.lock", 7],
      [
        "error",
        "critical: org.apache.logging.log4j:log4j-core: Remote code injection in Log4j",
        "pom.xml",
        annotations[1]!.startLine,
      ],
      ["error", "high: lodash: Command Injection in lodash", "package-lock.json", annotations[2]!.startLine],
      ["notice", "low (baseline): lxml: PYSEC-2021-19", "dir with space/#1 requirements.txt", 3],
    ]);
    expect(annotations[1]!.endLine).toBeGreaterThan(annotations[1]!.startLine!);
    expect(annotations[2]!.message).toContain("Fix: Upgrade lodash to 4.17.21 or later");
    // Long advisories are cut to their lead paragraph; the fix and ids always survive.
    const log4j = annotations[1]!.message;
    expect(log4j.startsWith("Log4j versions prior to 2.16.0")).toBe(true);
    expect(log4j.length).toBeLessThan(1200);
    expect(log4j).toContain("\nFix: Upgrade org.apache.logging.log4j:log4j-core to 2.15.0 or later\n");
    expect(log4j).toContain("CVE-2021-44228");
    expect(omitted).toBe(0);
    expect(note).toBeUndefined();
  });

  it("keeps titles on one line and leaves out positions without a file", () => {
    const scan = secretScan();
    const { annotations } = toAnnotations(gateFor(scan));
    expect(annotations[0]!.title).not.toContain("\n");
    expect(annotations[0]).toMatchObject({ file: "config/settings|prod.yml", startLine: 12, endLine: 12 });
    expect(annotations[1]).toEqual({
      level: "notice",
      title: "info: Password in test fixture",
      message: "A password literal.",
    });
  });

  it("non-blocking new findings of medium and above are warnings", () => {
    const [, semgrep] = sastScans();
    const { annotations } = toAnnotations(gateFor(semgrep!));
    expect(annotations.map((a) => a.level)).toEqual(["warning"]);
  });

  it("sends the most severe first, caps each level and says how many were left out", () => {
    const scan = manyFindings(200);
    const { annotations, omitted, omittedByLevel, note } = toAnnotations(
      evaluateGate(scan, { failOn: "high" }, NOW),
    );
    expect(annotations.map((a) => a.level)).toEqual([
      ...Array<string>(10).fill("error"),
      ...Array<string>(10).fill("warning"),
      ...Array<string>(10).fill("notice"),
    ]);
    expect(annotations.slice(0, 10).every((a) => a.title.startsWith("critical:"))).toBe(true);
    expect(annotations[10]!.title.startsWith("medium:")).toBe(true);
    expect(omittedByLevel).toEqual({ error: 70, warning: 30, notice: 70 });
    expect(omitted).toBe(170);
    expect(note).toBe(
      "70 errors, 30 warnings, 70 notices not annotated (the runner shows 10 per level); see the job summary.",
    );
  });
});
