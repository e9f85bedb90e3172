import { describe, expect, it } from "vitest";
import { evaluateGate } from "../policy/gate.js";
import { byteLength } from "./byte-budget.js";
import { STEP_SUMMARY_MAX_BYTES, SUMMARY_LIMIT_BYTES, toMarkdown } from "./markdown.js";
import { toPrComment } from "./pr-comment.js";
import { gateFor, manyFindings, NOW, osvScan, secretScan } from "./test-support/scans.js";

/** Table cells split on unescaped pipes. */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

describe("toMarkdown", () => {
  it("shows the verdict and why, counts, problems, the table most severe first, and the engine's text", () => {
    const scan = osvScan();
    const md = toMarkdown(scan, gateFor(scan));
    expect(md.startsWith("## osv-scan 0.1.0\n\n❌ **osv-scan** failed:\n")).toBe(true);
    expect(md).toContain("- Failing closed");
    expect(md).toContain("| 🟥 critical | 1 | 0 | 0 |");
    expect(md).toContain("| 🟨 medium | 0 | 0 | 1 |");
    expect(md).toContain("| 🟦 low | 0 | 1 | 0 |");
    expect(md).toContain("2 new findings (2 blocking), 1 in baseline, 1 ignored.");
    expect(md).toContain("### ⚠️ Not checked (1 problem)");
    expect(md).toContain("- **error** yarn.lock:7: unexpected token \\<\\<\\<\\<\\<\\<\\< (merge conflict?)");
    const log4j = md.indexOf("Remote code injection in Log4j");
    expect(log4j).toBeGreaterThan(md.indexOf("Not checked"));
    expect(log4j).toBeLessThan(md.indexOf("Command Injection in lodash"));
    expect(md).toContain(
      "| 🟥 critical | **new, blocking** | org.apache.logging.log4j:log4j-core: Remote code injection in Log4j | pom.xml:",
    );
    expect(md).toContain("| ignored: not reachable \\| trust me \\<b\\>really\\</b\\> |");
    expect(md).toContain(
      "| 🟦 low | baseline | lxml: PYSEC-2021-19 | dir with space/\\#1 requirements.txt:3 |",
    );
    expect(md).toContain("| npm | 412 |");
    expect(md.indexOf("### Packages")).toBeGreaterThan(md.indexOf("Command Injection in lodash"));
  });

  it("escapes hostile text so it cannot break the table, inject HTML or ping anyone", () => {
    const scan = secretScan();
    const md = toMarkdown(scan, gateFor(scan));
    const row = md.split("\n").find((l) => l.includes("AWS key"))!;
    expect(cells(row)).toHaveLength(6);
    expect(row).not.toMatch(/(?<!\\)<(script|img|\/script)/);
    expect(row).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(row).toContain("in \\`config\\`");
    expect(row).toContain("second line @\u200boctocat");
    expect(row).not.toContain("\u202E");
    expect(row).toContain("config/settings\\|prod.yml:12");
    expect(row).toContain("Revoke the key \\| rotate it");
    expect(md.split("\n").filter((l) => l.startsWith("|") && !l.endsWith("|"))).toEqual([]);
  });

  it("says so when there is nothing to show", () => {
    const scan = { tool: "t", toolVersion: "1", findings: [], problems: [] };
    const md = toMarkdown(scan, evaluateGate(scan, { failOn: "high" }, NOW));
    expect(md).toContain("✅ **t** passed");
    expect(md).toContain("No findings.");
    expect(md).not.toContain("Not checked");
  });

  it("never says a scan with errors found nothing, and marks a fail-open pass incomplete", () => {
    const scan = {
      tool: "t",
      toolVersion: "1",
      findings: [],
      problems: [{ level: "error" as const, message: "The database could not be reached" }],
    };
    const closed = toMarkdown(scan, evaluateGate(scan, { failOn: "high" }, NOW));
    const open = toMarkdown(scan, evaluateGate(scan, { failOn: "high", failOpen: true }, NOW));
    expect(closed).toContain("❌ **t** failed");
    expect(open).toContain("⚠️ **t** passed, but incomplete");
    for (const md of [closed, open]) {
      expect(md).toContain("No findings in the parts that were checked (see Not checked).");
      expect(md).not.toMatch(/^No findings\.$/m);
    }
    const comment = toPrComment(scan, evaluateGate(scan, { failOn: "high", failOpen: true }, NOW));
    expect(comment).toContain("### ⚠️ bulwark t: passed, but incomplete");
  });

  it("stays under GitHub's step-summary limit with a huge scan and says how many rows were left out", () => {
    const scan = manyFindings(20_000);
    const md = toMarkdown(scan, evaluateGate(scan, { failOn: "high" }, NOW));
    expect(SUMMARY_LIMIT_BYTES).toBeLessThan(STEP_SUMMARY_MAX_BYTES);
    expect(byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && l.includes("Finding "));
    const note = /_(\d+) more findings are not shown here/.exec(md);
    expect(Number(note![1]) + rows.length).toBe(20_000);
    expect(rows[0]).toContain("critical");
  });

  it("never drops the problems section, even when problems alone would fill the budget", () => {
    const scan = {
      ...manyFindings(500),
      problems: Array.from({ length: 5000 }, (_, i) => ({
        level: "error" as const,
        path: `pkg-${i}/package.json`,
        message: `cannot parse: ${"y".repeat(100)}`,
      })),
      summaryMarkdown: "```\n" + "z".repeat(50_000) + "\n".repeat(2000) + "```",
    };
    const gate = evaluateGate(scan, { failOn: "high" }, NOW);
    const md = toMarkdown(scan, gate, { limitBytes: 100_000 });
    expect(byteLength(md)).toBeLessThanOrEqual(100_000);
    expect(md).toContain("### ⚠️ Not checked (5000 problems)");
    expect(md).toMatch(/- … and \d+ more problems: see the JSON report\./);
    expect(md).toMatch(/_\d+ more findings are not shown here/);
    expect(md).toContain(`- … and ${gate.reasons.length - 20} more\n`);
  });

  it("keeps a cut engine summary's code fence closed", () => {
    const scan = {
      tool: "t",
      toolVersion: "1",
      findings: [],
      problems: [],
      summaryMarkdown: "```text\n" + Array.from({ length: 5000 }, (_, i) => `line ${i}`).join("\n") + "\n```",
    };
    const md = toMarkdown(scan, evaluateGate(scan, { failOn: "high" }, NOW), { limitBytes: 20_000 });
    expect(md.match(/```/g)!.length % 2).toBe(0);
    expect(md).toContain("_The rest of this section was left out (size limit)._");
  });

  it("is byte-identical for the same scan in any order", () => {
    const scan = osvScan();
    const reversed = { ...scan, findings: [...scan.findings].reverse() };
    expect(toMarkdown(reversed, gateFor(reversed))).toBe(toMarkdown(scan, gateFor(scan)));
  });
});
