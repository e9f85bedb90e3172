import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evaluateGate, toSarif } from "@bulwark/core";
import { OfflineSource } from "@bulwark/osv";
import { describe, expect, it } from "vitest";
import { OSV_DB_DIR } from "../../osv/src/test-support/shared-data.js";
import { scanDependencies } from "./scan-dependencies.js";
import { readSlaPolicy, type SlaStatus } from "./sla.js";
import { REAL, realRepo } from "./test-support/real-repo.js";

const SEEDS = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));
const seed = (n: number) => ({ text: readFileSync(`${SEEDS}security-policy-${n}.md`, "utf8") });
const source = new OfflineSource({ base: OSV_DB_DIR });

async function scanAt(root: string, now: Date, failOnSlaBreach = false) {
  const { policy, problems } = await readSlaPolicy(root);
  expect(problems).toEqual([]);
  return scanDependencies({ root, source, ...(policy ? { sla: policy, failOnSlaBreach, now } : {}) });
}

const sla = (f: { properties?: Record<string, unknown> }) => f.properties?.sla as SlaStatus | undefined;

describe("SLA from SECURITY.md", () => {
  it("reads the time to patch by severity from a real policy's timeline table", async () => {
    const root = realRepo({ ".github/SECURITY.md": seed(5) });
    expect((await readSlaPolicy(root)).policy).toEqual({
      file: ".github/SECURITY.md",
      bySeverity: {
        critical: { days: 7, line: 127, from: "patch" },
        high: { days: 14, line: 128, from: "patch" },
        medium: { days: 30, line: 129, from: "patch" },
        low: { days: 90, line: 130, from: "patch" },
      },
    });
    // A policy that promises nothing by severity (seed 1) sets no SLA at all.
    expect((await readSlaPolicy(realRepo({ "SECURITY.md": seed(1) }))).policy).toBeUndefined();
  });

  it("marks findings past their severity's time to patch, to the day", async () => {
    const root = realRepo({
      "SECURITY.md": seed(5),
      "Cargo.lock": REAL.helixCargo,
      "web/bom.json": REAL.juiceShopBom,
    });
    // smartstring's RUSTSEC-2026-0249 (medium, 30 days) was published 2026-05-03T12:00Z: due 2026-06-02T12:00Z.
    const before = await scanAt(root, new Date("2026-06-02T11:00:00Z"));
    const smartstring = (r: typeof before) => r.findings.find((f) => f.ruleId === "RUSTSEC-2026-0249")!;
    expect(sla(smartstring(before))).toEqual({
      days: 30,
      published: "2026-05-03T12:00:00Z",
      deadline: "2026-06-02T12:00:00.000Z",
      breached: false,
      overdueDays: 0,
      policy: "SECURITY.md:129",
    });
    expect(smartstring(before).labels).toBeUndefined();
    const after = await scanAt(root, new Date("2026-06-03T13:00:00Z"));
    expect(sla(smartstring(after))).toMatchObject({ breached: true, overdueDays: 1 });
    expect(smartstring(after).title).toMatch(/ \(SLA breached\)$/);
    expect(smartstring(after).message).toContain(
      "SLA breached: published 2026-05-03, and SECURITY.md:129 allows 30 days to patch medium vulnerabilities (due 2026-06-02, 1 day ago).",
    );
    // rkyv's advisories (published 2026-05-11) are still within 30 days; lodash's (2021, high: 14 days) are long past.
    expect(after.findings.filter((f) => f.package?.name === "rkyv").map((f) => sla(f)?.breached)).toEqual([
      false,
      false,
      false,
    ]);
    expect(after.findings.filter((f) => f.package?.name === "lodash").every((f) => sla(f)?.breached)).toBe(
      true,
    );
    expect(after.stats?.["sla-breached"]).toBe(3);
    expect(after.summaryMarkdown).toContain(
      "**SLA breached**: 3 findings were published longer ago than SECURITY.md allows to patch their severity.",
    );
    expect(after.summaryMarkdown).toMatch(/\| medium[^|]*, SLA breached \| smartstring \|/);
    const gate = evaluateGate(after, { failOn: "critical" }, new Date("2026-06-03T13:00:00Z"));
    expect(gate.failed).toBe(false);
    const sarif = toSarif([{ scan: after, gate, category: "osv-scan" }]).log.runs[0]!.results!;
    expect(
      sarif.filter((r) => (r.properties?.labels as string[] | undefined)?.includes("sla-breached")),
    ).toHaveLength(3);
  });

  it("fails the gate on a breach alone with fail-on-sla-breach, unless the finding is ignored", async () => {
    const root = realRepo({ "SECURITY.md": seed(5), "Cargo.lock": REAL.helixCargo });
    const now = new Date("2026-06-03T13:00:00Z");
    const result = await scanAt(root, now, true);
    const gate = evaluateGate(result, { failOn: "critical" }, now);
    expect(gate.failed).toBe(true);
    expect(gate.reasons).toEqual([
      "1 new finding fails on its own: SLA breached (published longer ago than SECURITY.md allows to patch its severity; fail-on-sla-breach)",
    ]);
    expect(gate.findings.filter((f) => f.blocking).map((f) => f.ruleId)).toEqual(["RUSTSEC-2026-0249"]);
    const ignores = [{ id: "RUSTSEC-2026-0249", reason: "no fix exists; tracked in #12" }];
    expect(evaluateGate(result, { failOn: "critical", ignores }, now).failed).toBe(false);
    expect(result.summaryMarkdown).toContain("(fail-on-sla-breach: they fail this check)");
  });

  it("applies only the severities a policy names (seed 2 promises critical fixes within 30 days)", async () => {
    const root = realRepo({ "SECURITY.md": seed(2), "web/bom.json": REAL.juiceShopBom });
    const result = await scanAt(root, new Date("2026-11-23T00:00:00Z"), true);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.severity !== "critical" && sla(f) === undefined)).toBe(true);
    expect(evaluateGate(result, { failOn: "critical" }, new Date()).failed).toBe(false);
  });
});
