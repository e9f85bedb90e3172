// The five real policies in ../shared/seeds must all parse, with their actual rows and promises.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "./parse-policy.js";

const seeds = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));
const seed = (n: number) =>
  parsePolicy(readFileSync(`${seeds}security-policy-${n}.md`, "utf8"), `SECURITY-${n}.md`);

const rows = (n: number) =>
  seed(n).supportTable?.rows.map((r) => ({
    line: r.line,
    version: r.versionText,
    status: r.status,
    kind: r.spec.kind,
  }));

describe("seed policies", () => {
  it("1: no table, no reporting channel, promises SAST and dependency scanning", () => {
    const policy = seed(1);
    expect(policy.supportTable).toBeUndefined();
    expect(policy.reportingChannels).toEqual([]);
    expect(policy.promisedChecks.map((p) => p.check).sort()).toEqual([
      "dependency-scanning",
      "sast",
      "secret-scanning",
    ]);
  });

  it("2: 1.0.x supported, < 1.0 not; a placeholder email; critical fixes within 30 days", () => {
    expect(rows(2)).toEqual([
      { line: 9, version: "1.0.x", status: "supported", kind: "range" },
      { line: 10, version: "< 1.0", status: "unsupported", kind: "range" },
    ]);
    const policy = seed(2);
    expect(policy.reportingChannels[0]).toMatchObject({
      kind: "email",
      value: "security@example.com",
      placeholder: true,
    });
    expect(policy.disclosureTimeline).toEqual([{ severity: "critical", patchDays: 30, line: 38 }]);
  });

  it("3: 1.0.x supported, < 1.0 not; no address given", () => {
    expect(rows(3)).toEqual([
      { line: 9, version: "1.0.x", status: "supported", kind: "range" },
      { line: 10, version: "< 1.0", status: "unsupported", kind: "range" },
    ]);
    expect(seed(3).reportingChannels.filter((c) => !c.placeholder)).toEqual([]);
    expect(seed(3).disclosureTimeline).toEqual([{ severity: "critical", patchDays: 7, line: 33 }]);
  });

  it("4: one 0.1.x row and a real reporting address", () => {
    expect(rows(4)).toEqual([{ line: 9, version: "0.1.x", status: "supported", kind: "range" }]);
    expect(seed(4).reportingChannels[0]).toMatchObject({
      kind: "email",
      value: "security@democratizingai.org",
      placeholder: false,
    });
  });

  it("5: 2.x.x supported, < 2.0 not, and a disclosure timeline table", () => {
    expect(rows(5)).toEqual([
      { line: 9, version: "2.x.x", status: "supported", kind: "range" },
      { line: 10, version: "< 2.0", status: "unsupported", kind: "range" },
    ]);
    const policy = seed(5);
    expect(policy.disclosureTimeline).toEqual([
      { severity: "critical", patchDays: 7, disclosureDays: 14, line: 127 },
      { severity: "high", patchDays: 14, disclosureDays: 30, line: 128 },
      { severity: "medium", patchDays: 30, disclosureDays: 60, line: 129 },
      { severity: "low", patchDays: 90, disclosureDays: 90, line: 130 },
    ]);
    expect(policy.reportingChannels).toEqual([
      { kind: "email", value: "security@yourcompany.com", line: 16, placeholder: true },
    ]);
    expect(policy.promisedChecks.map((p) => p.check).sort()).toEqual([
      "container-scanning",
      "dependency-scanning",
      "sast",
      "secret-scanning",
    ]);
  });
  it("every seed: promised checks and table lines pinned", () => {
    const promised = (n: number) => seed(n).promisedChecks.map((p) => [p.check, p.line]);
    expect(promised(1)).toEqual([
      ["sast", 18],
      ["dependency-scanning", 19],
      ["secret-scanning", 25],
    ]);
    expect(promised(2)).toEqual([
      ["dependency-scanning", 85],
      ["sast", 92],
    ]);
    expect(promised(3)).toEqual([["dependency-scanning", 71]]);
    expect(promised(4)).toEqual([]);
    expect(promised(5)).toEqual([
      ["dependency-scanning", 60],
      ["sast", 61],
      ["container-scanning", 118],
      ["secret-scanning", 119],
    ]);
    expect([2, 3, 4, 5].map((n) => seed(n).supportTable?.line)).toEqual([7, 7, 7, 7]);
    expect(seed(2).reportingChannels).toEqual([
      { kind: "email", value: "security@example.com", line: 23, placeholder: true },
    ]);
    expect(seed(4).reportingChannels).toEqual([
      { kind: "email", value: "security@democratizingai.org", line: 19, placeholder: false },
    ]);
  });
});
