import { describe, expect, it } from "vitest";
import { evaluateGate } from "../policy/gate.js";
import { toMarkdown } from "./markdown.js";
import { commentMarker, MAX_COMMENT_CHARS, PR_COMMENT_MAX_ROWS, toPrComment } from "./pr-comment.js";
import { gateFor, manyFindings, NOW, osvScan, sastScans, secretScan } from "./test-support/scans.js";

describe("commentMarker", () => {
  it("is a hidden HTML comment naming the tool, with nothing that could end the comment", () => {
    expect(commentMarker("osv-scan")).toBe("<!-- bulwark:osv-scan -->");
    expect(commentMarker("evil --> <script>")).toBe("<!-- bulwark:evil--script -->");
  });
});

describe("toPrComment", () => {
  it("starts with the marker, gives a short verdict and lists only new findings", () => {
    const scan = osvScan();
    const body = toPrComment(scan, gateFor(scan), "https://github.com/o/r/actions/runs/1");
    expect(body.startsWith("<!-- bulwark:osv-scan -->\n### ❌ bulwark osv-scan: failed\n")).toBe(true);
    expect(body).toContain("**2 new** findings (1 critical, 1 high); 1 in baseline, 1 ignored.");
    expect(body).toContain("Remote code injection in Log4j");
    expect(body).toContain("Command Injection in lodash");
    expect(body).not.toContain("lxml");
    expect(body).toContain("**Not checked** (1):");
    expect(body).toContain("[Full report](https://github.com/o/r/actions/runs/1)");
    expect(body.length).toBeLessThan(toMarkdown(scan, gateFor(scan)).length);
  });

  it("carries the engine's short part after the verdict, capped", () => {
    const scan = {
      ...osvScan(),
      commentMarkdown: "**Upgrades**:\n\n- Upgrade lodash (npm) to 4.17.21: fixes 1 finding\n",
    };
    const body = toPrComment(scan, gateFor(scan));
    const lines = body.split("\n");
    const at = lines.indexOf("- Upgrade lodash (npm) to 4.17.21: fixes 1 finding");
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.startsWith("**2 new** findings")));
    expect(at).toBeLessThan(lines.indexOf("**Not checked** (1):"));
    const long = { ...osvScan(), commentMarkdown: "- upgrade something\n".repeat(1000) };
    const capped = toPrComment(long, gateFor(long));
    expect(capped.split("- upgrade something").length - 1).toBeLessThan(250);
    expect(capped).toContain("Remote code injection in Log4j");
  });

  it("is short when there is nothing new", () => {
    const [, semgrep] = sastScans();
    const gate = evaluateGate(
      semgrep!,
      { failOn: "high", baseline: new Set(semgrep!.findings.map((f) => f.fingerprint)) },
      NOW,
    );
    expect(toPrComment(semgrep!, gate)).toBe(
      "<!-- bulwark:semgrep -->\n### ✅ bulwark semgrep: passed\n\n- No new findings at or above high (1 in baseline)\n\n**0 new** findings; 1 in baseline, 0 ignored.\n",
    );
  });

  it("escapes hostile text and refuses non-http links", () => {
    const scan = secretScan();
    const body = toPrComment(scan, gateFor(scan), { detailsUrl: "javascript:alert(1)" });
    expect(body).not.toMatch(/(?<!\\)<script/);
    expect(body).not.toContain("javascript:");
    const row = body.split("\n").find((l) => l.includes("AWS key"))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
    const withParens = toPrComment(scan, gateFor(scan), { detailsUrl: "https://x.test/a)(b" });
    expect(withParens).toContain("[Full report](https://x.test/a%29%28b)");
  });

  it("caps the table rows and points to the job summary for the rest", () => {
    const scan = manyFindings(300);
    const body = toPrComment(scan, evaluateGate(scan, { failOn: "high" }, NOW));
    const rows = body.split("\n").filter((l) => l.startsWith("| ") && l.includes("Finding "));
    expect(rows).toHaveLength(PR_COMMENT_MAX_ROWS);
    expect(body).toContain(`_${300 - PR_COMMENT_MAX_ROWS} more new findings are in the job summary._`);
  });

  it("never exceeds GitHub's comment size, even with long multibyte titles", () => {
    const scan = manyFindings(3000, (i) => `${i} ${"é".repeat(190)}`);
    const body = toPrComment(scan, evaluateGate(scan, { failOn: "high" }, NOW), { maxRows: 3000 });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    const rows = body.split("\n").filter((l) => l.startsWith("| ") && l.includes("éé"));
    expect(body).toContain(`_${3000 - rows.length} more new findings are in the job summary._`);
  });

  it("is byte-identical for the same scan in any order", () => {
    const scan = osvScan();
    const reversed = { ...scan, findings: [...scan.findings].reverse() };
    expect(toPrComment(reversed, gateFor(reversed))).toBe(toPrComment(scan, gateFor(scan)));
  });
});
