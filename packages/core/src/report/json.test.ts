import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { formatJsonReport, toJsonReport } from "./json.js";
import { JSON_REPORT_SCHEMA } from "./json-schema.js";
import { gateFor, osvScan, sastScans, secretScan } from "./test-support/scans.js";

const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON_REPORT_SCHEMA);

describe("toJsonReport", () => {
  it("gives the verdict, counts by status and severity, problems and findings with status", () => {
    const scan = osvScan();
    const report = toJsonReport(scan, gateFor(scan));
    expect(report).toMatchObject({
      version: 1,
      tool: "osv-scan",
      toolVersion: "0.1.0",
      verdict: "fail",
      failed: true,
      failOn: "high",
      stats: { lockfiles: 3, packages: 449 },
    });
    expect(report.counts).toMatchObject({ total: 4, new: 2, baseline: 1, ignored: 1, blocking: 2 });
    expect(report.counts.bySeverity.medium).toEqual({ new: 0, baseline: 0, ignored: 1 });
    expect(report.problems).toEqual([
      { level: "error", message: "unexpected token <<<<<<< (merge conflict?)", path: "yarn.lock", line: 7 },
    ]);
    expect(report.reasons.join("\n")).toContain("yarn.lock:7");
    expect(report.findings.map((f) => [f.ruleId, f.status, f.blocking])).toEqual([
      ["GHSA-jfh8-c2jp-5v3q", "new", true],
      ["GHSA-35jh-r3h4-6jhm", "new", true],
      ["PYSEC-2021-19", "ignored", false],
      ["PYSEC-2021-19-low", "baseline", false],
    ]);
    expect(report.findings[2]!.statusReason).toBe("not reachable | trust me <b>really</b>");
  });

  it("matches its documented schema for every kind of scan", () => {
    for (const scan of [osvScan(), secretScan(), ...sastScans()]) {
      const ok = validate(JSON.parse(formatJsonReport([toJsonReport(scan, gateFor(scan))])));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it("lists the findings a change removes as fixed, without a gate status, within the schema", () => {
    const scan = osvScan();
    const [gone] = scan.findings;
    const report = toJsonReport({ ...scan, fixed: [gone!] }, gateFor(scan));
    expect(report.fixed).toHaveLength(1);
    expect(report.fixed![0]).toMatchObject({ ruleId: gone!.ruleId, fingerprint: gone!.fingerprint });
    expect(report.fixed![0]).not.toHaveProperty("status");
    expect(validate(JSON.parse(formatJsonReport([report])))).toBe(true);
    expect(toJsonReport(scan, gateFor(scan))).not.toHaveProperty("fixed");
  });

  it("writes keys in a fixed order and sorts free-form properties, so output is byte-identical", () => {
    const [bandit] = sastScans();
    const a = formatJsonReport([toJsonReport(bandit!, gateFor(bandit!))]);
    const shuffled = {
      ...bandit!,
      stats: { z: 1, a: 2 },
      findings: [...bandit!.findings].reverse().map((f) => {
        const { title, tool, ...rest } = f;
        return { ...rest, properties: { tags: ["python"], cwe: ["CWE-78"] }, title, tool };
      }),
    };
    const b = formatJsonReport([toJsonReport(shuffled, gateFor(shuffled))]);
    expect(b).toBe(a.replace('"stats": {}', '"stats": {\n    "a": 2,\n    "z": 1\n  }'));
    const first = JSON.parse(a).findings[0];
    expect(Object.keys(first).slice(0, 4)).toEqual(["tool", "ruleId", "severity", "status"]);
    expect(Object.keys(first.properties)).toEqual(["cwe", "tags"]);
  });

  it("writes one report as an object and several as an array", () => {
    const scans = sastScans();
    const reports = scans.map((s) => toJsonReport(s, gateFor(s)));
    expect(Array.isArray(JSON.parse(formatJsonReport(reports)))).toBe(true);
    expect(JSON.parse(formatJsonReport(reports.slice(0, 1))).tool).toBe("bandit");
  });
});
