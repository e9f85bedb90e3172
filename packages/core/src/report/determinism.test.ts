// Same input, same bytes: baselines, bundles and sticky comments must not churn between runs.
import { describe, expect, it } from "vitest";
import type { ScanResult } from "../report.js";
import { toAnnotations } from "./annotations.js";
import { formatJsonReport, toJsonReport } from "./json.js";
import { toMarkdown } from "./markdown.js";
import { toPrComment } from "./pr-comment.js";
import { formatSarif, toSarif } from "./sarif.js";
import { gateFor, manyFindings, osvScan, sastScans, secretScan } from "./test-support/scans.js";

/** Deterministic shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function everything(scan: ScanResult): string {
  const gate = gateFor(scan);
  return [
    formatSarif(toSarif([{ scan, gate }]).log),
    formatJsonReport([toJsonReport(scan, gate)]),
    toMarkdown(scan, gate),
    toPrComment(scan, gate, "https://github.com/o/r/actions/runs/1"),
    JSON.stringify(toAnnotations(gate, { problems: scan.problems })),
  ].join("\n\u0000\n");
}

describe("reporters", () => {
  it("give byte-identical output whatever order findings arrive in", () => {
    for (const scan of [osvScan(), secretScan(), ...sastScans(), manyFindings(400)]) {
      const expected = everything(scan);
      for (const seed of [1, 2, 3]) {
        expect(everything({ ...scan, findings: shuffled(scan.findings, seed) })).toBe(expected);
      }
    }
  });
});
