import { describe, expect, it } from "vitest";
import { OfflineSource } from "../sources/offline-source.js";
import { OSV_DB_DIR } from "../test-support/shared-data.js";
import { matchPackages } from "./match-packages.js";

describe("matchPackages over the real exports", () => {
  const source = new OfflineSource({ base: OSV_DB_DIR });

  it("groups PYSEC and GHSA records of one CVE into one finding with the highest severity", async () => {
    const { matches, unresolved, problems } = await matchPackages(
      [{ ecosystem: "PyPI", name: "Requests", version: "2.30.0" }],
      source,
    );
    expect(problems).toEqual([]);
    expect(unresolved).toEqual([]);
    const m = matches.find((x) => x.id === "CVE-2023-32681")!;
    expect(m).toMatchObject({
      ids: ["GHSA-j8r2-6x86-q33q", "PYSEC-2023-74"],
      aliases: ["GHSA-j8r2-6x86-q33q", "PYSEC-2023-74"],
      severity: "medium",
      score: 6.1,
      fixedVersion: "2.31.0",
    });
    expect(m.records.map((r) => r.id)).toEqual(["GHSA-j8r2-6x86-q33q", "PYSEC-2023-74"]);
    // Full records, not the index's slim copies.
    expect(m.records[0]!.references!.length).toBeGreaterThan(0);
    expect(m.published! <= m.records[0]!.published!).toBe(true);
    expect(matches.filter((x) => x.ids.includes("PYSEC-2023-74"))).toHaveLength(1);
  });

  it("reports packages without a version, and ecosystems without data, as unresolved", async () => {
    const { matches, unresolved, problems } = await matchPackages(
      [
        { ecosystem: "PyPI", name: "requests" },
        { ecosystem: "Pub", name: "http", version: "0.13.0" },
      ],
      source,
    );
    expect(matches).toEqual([]);
    const req = unresolved.find((u) => u.package.name === "requests")!;
    expect(req.reason).toBe("no version to compare");
    expect(req.ids).toContain("PYSEC-2023-74");
    expect(unresolved.find((u) => u.package.name === "http")!.reason).toMatch(
      /no OSV export for ecosystem Pub/,
    );
    expect(problems.map((p) => p.ecosystem)).toEqual(["Pub"]);
  });

  it("matches OS packages by release: Alpine:v3.18 records apply to Alpine:v3.18", async () => {
    const { matches } = await matchPackages(
      [
        { ecosystem: "Alpine:v3.18", name: "libexif", version: "0.6.18-r0" },
        { ecosystem: "Alpine:v3.18", name: "libexif", version: "0.6.19-r0" },
      ],
      source,
    );
    expect(matches.map((m) => [m.package.version, m.id, m.fixedVersion])).toContainEqual([
      "0.6.18-r0",
      "CVE-2009-3895",
      "0.6.19-r0",
    ]);
    expect(matches.filter((m) => m.package.version === "0.6.19-r0" && m.id === "CVE-2009-3895")).toEqual([]);
  });
});
