import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEVERITIES } from "./finding.js";
import {
  atOrAbove,
  bySeverityDesc,
  compareSeverity,
  maxSeverity,
  parseThreshold,
  severityFromCvss,
  severityFromLabel,
  severityRank,
} from "./severity.js";

describe("severity ordering", () => {
  it("ranks critical highest and info lowest", () => {
    expect(severityRank("critical")).toBe(4);
    expect(severityRank("info")).toBe(0);
    expect(compareSeverity("high", "low")).toBeGreaterThan(0);
    expect(compareSeverity("low", "low")).toBe(0);
  });

  it("sorts most severe first", () => {
    const list = [
      { severity: "low" as const },
      { severity: "critical" as const },
      { severity: "medium" as const },
    ];
    expect(list.sort(bySeverityDesc).map((f) => f.severity)).toEqual(["critical", "medium", "low"]);
  });

  it("finds the most severe", () => {
    expect(maxSeverity(["low", "high", "medium"])).toBe("high");
    expect(maxSeverity([])).toBeUndefined();
  });
});

describe("atOrAbove", () => {
  it("compares against a threshold", () => {
    expect(atOrAbove("high", "high")).toBe(true);
    expect(atOrAbove("critical", "high")).toBe(true);
    expect(atOrAbove("medium", "high")).toBe(false);
    expect(atOrAbove("info", "info")).toBe(true);
  });

  it("never matches none", () => {
    expect(atOrAbove("critical", "none")).toBe(false);
  });
});

describe("parseThreshold", () => {
  it("accepts documented values and info, case-insensitively", () => {
    expect(parseThreshold("HIGH")).toBe("high");
    expect(parseThreshold(" none ")).toBe("none");
    expect(parseThreshold("info")).toBe("info");
  });

  it("names accepted values on error", () => {
    expect(() => parseThreshold("hgih", "fail-on")).toThrow(
      'fail-on must be one of critical, high, medium, low, none (got "hgih")',
    );
  });
});

describe("severityFromCvss", () => {
  it("maps the CVSS rating scale boundaries", () => {
    expect(severityFromCvss(10)).toBe("critical");
    expect(severityFromCvss(9.0)).toBe("critical");
    expect(severityFromCvss(8.9)).toBe("high");
    expect(severityFromCvss(7.0)).toBe("high");
    expect(severityFromCvss(6.9)).toBe("medium");
    expect(severityFromCvss(4.0)).toBe("medium");
    expect(severityFromCvss(3.9)).toBe("low");
    expect(severityFromCvss(0.1)).toBe("low");
    expect(severityFromCvss(0)).toBe("info");
  });

  it("rejects scores off the scale", () => {
    expect(() => severityFromCvss(11)).toThrow(RangeError);
    expect(() => severityFromCvss(Number.NaN)).toThrow(RangeError);
  });
});

describe("severityFromLabel", () => {
  it("maps advisory labels onto the scale", () => {
    expect(severityFromLabel("MODERATE")).toBe("medium");
    expect(severityFromLabel("Important")).toBe("high");
    expect(severityFromLabel("negligible")).toBe("info");
    expect(severityFromLabel("CRITICAL")).toBe("critical");
  });

  it("leaves unknown labels undefined", () => {
    expect(severityFromLabel("untriaged")).toBeUndefined();
    expect(severityFromLabel("")).toBeUndefined();
    expect(severityFromLabel("constructor")).toBeUndefined();
  });
});

describe("severity properties", () => {
  it("atOrAbove agrees with compareSeverity, and CVSS mapping is monotonic", () => {
    const sev = fc.constantFrom(...SEVERITIES);
    fc.assert(fc.property(sev, sev, (a, b) => atOrAbove(a, b) === compareSeverity(a, b) >= 0));
    const score = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(score, score, (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        return compareSeverity(severityFromCvss(lo), severityFromCvss(hi)) <= 0;
      }),
    );
  });
});
