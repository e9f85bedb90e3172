import { describe, expect, it } from "vitest";
import { evaluateGate } from "../policy/gate.js";
import { sampleFinding, sampleGate, sampleScan } from "../test-support/sample-scan.js";
import { toAnnotations } from "./annotations.js";
import { toJsonReport } from "./json.js";
import { toMarkdown } from "./markdown.js";
import { commentMarker, MAX_COMMENT_CHARS, toPrComment } from "./pr-comment.js";

describe("toMarkdown", () => {
  it("shows the verdict, counts, a table most severe first, problems and the engine's text", () => {
    const scan = sampleScan();
    const md = toMarkdown(scan, sampleGate(scan));
    expect(md).toContain("❌ **osv-scan** failed");
    expect(md).toContain("| 🟥 critical | 1 | 0 | 0 |");
    expect(md.indexOf("Log4Shell")).toBeLessThan(md.indexOf("lodash"));
    expect(md).toContain("`yarn.lock:7`: unexpected token");
    expect(md).toContain("Engine-specific text.");
    expect(md).toContain("_(ignored: not reachable \\| trust me)_");
  });

  it("escapes hostile text so it cannot break the table or inject HTML", () => {
    const scan = sampleScan();
    const md = toMarkdown(scan, sampleGate(scan));
    const line = md.split("\n").find((l) => l.includes("lodash"))!;
    expect(line).not.toContain("<script>");
    expect(line).toContain("\\<script\\>");
    expect(line.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  it("stays under the byte limit and says how many rows were left out", () => {
    const findings = Array.from({ length: 5000 }, (_, i) =>
      sampleFinding({ ruleId: `RULE-${i}`, title: "x".repeat(200), fingerprint: `fp${i}` }),
    );
    const scan = { tool: "t", toolVersion: "1", findings, problems: [] };
    const md = toMarkdown(scan, evaluateGate(scan, { failOn: "high" }, new Date()), { limitBytes: 100_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(100_000);
    expect(md).toMatch(/_\d+ more findings are not shown here/);
  });
});

describe("toAnnotations", () => {
  it("sends the most severe first and caps each level", () => {
    const findings = Array.from({ length: 25 }, (_, i) =>
      sampleFinding({
        ruleId: `R${i}`,
        severity: "critical",
        location: { path: "a.txt", startLine: i + 1 },
        fingerprint: `f${i}`,
      }),
    );
    const scan = { tool: "t", toolVersion: "1", findings, problems: [] };
    const { annotations, omitted } = toAnnotations(evaluateGate(scan, { failOn: "high" }, new Date()));
    expect(annotations).toHaveLength(10);
    expect(annotations.every((a) => a.level === "error")).toBe(true);
    expect(omitted).toBe(15);
  });
});

describe("toJsonReport", () => {
  it("counts statuses and keeps problems", () => {
    const scan = sampleScan();
    const report = toJsonReport(scan, sampleGate(scan));
    expect(report.counts).toEqual({ total: 5, new: 3, baseline: 1, ignored: 1, blocking: 2 });
    expect(report.failed).toBe(true);
    expect(report.problems).toHaveLength(1);
  });
});

describe("toPrComment", () => {
  it("carries the hidden marker and only new findings", () => {
    const scan = sampleScan();
    const body = toPrComment(scan, sampleGate(scan));
    expect(body.startsWith(commentMarker("osv-scan"))).toBe(true);
    expect(body).toContain("Log4Shell");
    expect(body).not.toContain("PYSEC-2020-2");
  });

  it("never exceeds GitHub's comment size", () => {
    const findings = Array.from({ length: 3000 }, (_, i) =>
      sampleFinding({ ruleId: `RULE-${i}`, title: "é".repeat(150), fingerprint: `fp${i}` }),
    );
    const scan = { tool: "t", toolVersion: "1", findings, problems: [] };
    const body = toPrComment(scan, evaluateGate(scan, { failOn: "high" }, new Date()));
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
  });
});
