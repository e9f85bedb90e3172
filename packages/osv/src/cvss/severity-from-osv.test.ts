import { describe, expect, it } from "vitest";
import { severityFromOsv, severityFromScore } from "./index.js";

describe("severityFromScore", () => {
  it("uses the CVSS qualitative scale", () => {
    expect([10, 9, 8.9, 7, 6.9, 4, 3.9, 0.1, 0].map(severityFromScore)).toEqual([
      "critical",
      "critical",
      "high",
      "high",
      "medium",
      "medium",
      "low",
      "low",
      "info",
    ]);
  });
});

describe("severityFromOsv", () => {
  it("takes the highest CVSS score across versions and affected entries", () => {
    const v = severityFromOsv({
      severity: [
        { type: "CVSS_V2", score: "AV:N/AC:L/Au:N/C:P/I:N/A:N" },
        { type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N" },
      ],
      affected: [
        {
          severity: [
            { type: "CVSS_V4", score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N" },
          ],
        },
      ],
    });
    expect(v).toEqual({ severity: "critical", score: 9.3, source: "CVSS_V4" });
  });

  it("prefers a CVSS score over labels", () => {
    const v = severityFromOsv({
      severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H" }],
      database_specific: { severity: "CRITICAL" },
    });
    expect(v).toEqual({ severity: "medium", score: 5.5, source: "CVSS_V3" });
  });

  it("falls back to GHSA, Bitnami and ecosystem_specific labels", () => {
    expect(severityFromOsv({ database_specific: { severity: "MODERATE" } })).toEqual({
      severity: "medium",
      source: "database_specific",
    });
    expect(severityFromOsv({ database_specific: { severity: "Critical" } })?.severity).toBe("critical");
    expect(severityFromOsv({ affected: [{ ecosystem_specific: { severity: "HIGH" } }] })).toEqual({
      severity: "high",
      source: "ecosystem_specific",
    });
    expect(severityFromOsv({ database_specific: { severity: "Unknown" } })).toBeUndefined();
  });

  it("reads Ubuntu priorities", () => {
    expect(severityFromOsv({ severity: [{ type: "Ubuntu", score: "medium" }] })).toEqual({
      severity: "medium",
      source: "Ubuntu",
    });
    expect(severityFromOsv({ severity: [{ type: "Ubuntu", score: "negligible" }] })?.severity).toBe("info");
  });

  it("accepts a bare numeric score and ignores broken vectors", () => {
    expect(severityFromOsv({ severity: [{ type: "CVSS_V3", score: "7.2" }] })).toEqual({
      severity: "high",
      score: 7.2,
      source: "CVSS_V3",
    });
    expect(severityFromOsv({ severity: [{ type: "CVSS_V3", score: "CVSS:3.1/nonsense" }] })).toBeUndefined();
    expect(severityFromOsv({})).toBeUndefined();
  });
});
