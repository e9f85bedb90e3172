import type { Finding } from "@bulwark/core";
import { describe, expect, it } from "vitest";
import { imageRow, imagesSummary } from "./images-summary.js";
import type { ScannedImage } from "./scan-containers.js";

const f = (
  severity: Finding["severity"],
  fixedVersion?: string,
  extra: Record<string, unknown> = {},
): Finding => ({
  tool: "container-scan",
  ruleId: `X-${severity}`,
  title: "t",
  message: "m",
  severity,
  fingerprint: `${severity}${fixedVersion ?? ""}`,
  package: { name: "openssl", version: "1.1.1k-1", ecosystem: "Debian:11" },
  properties: { image: "shop:1", ...(fixedVersion ? { fixedVersion } : {}), ...extra },
});

describe("images summary", () => {
  it("one row per image with counts by severity, base image and fixable; images not scanned say why", () => {
    const scanned: ScannedImage[] = [
      {
        request: { spec: "shop:1", origins: [], isBaseImage: false },
        baseImage: "debian:11",
        findings: [f("critical", "2"), f("high"), f("medium", "3"), f("low"), f("info", "4")],
      },
      {
        request: { spec: "gone:1", origins: [], isBaseImage: false },
        findings: [],
        error: "manifest unknown",
      },
    ];
    const rows = scanned.map(imageRow);
    expect(rows).toEqual([
      {
        image: "shop:1",
        baseImage: "debian:11",
        packages: 0,
        critical: 1,
        high: 1,
        medium: 1,
        low: 2,
        fixable: 3,
      },
      {
        image: "gone:1",
        packages: 0,
        critical: 0,
        high: 0,
        medium: 0,
        low: 0,
        fixable: 0,
        error: "manifest unknown",
      },
    ]);
    const md = imagesSummary(rows, scanned[0]!.findings);
    expect(md).toContain("| shop:1 |  | debian:11 | 0 | 1 | 1 | 1 | 2 | 3 |");
    expect(md).toContain("| gone:1 | not scanned: manifest unknown |");
    // Most severe first; no "Found by" column when only the built-in engine ran.
    expect(md.split("\n").filter((l) => l.startsWith("| critical") || l.startsWith("| high"))).toHaveLength(
      2,
    );
    expect(md.indexOf("| critical")).toBeLessThan(md.indexOf("| high"));
    expect(md).not.toContain("Found by");
    expect(md).toContain("| No fix available |");
  });
});
