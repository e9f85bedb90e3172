import { describe, expect, it } from "vitest";
import type { OsvRecord } from "../records/osv-record.js";
import { compareIdUsefulness, groupRecords, preferredId } from "./alias-groups.js";

const r = (id: string, extra: Partial<OsvRecord> = {}): OsvRecord => ({
  id,
  modified: "2024-01-01T00:00:00Z",
  ...extra,
});

describe("alias grouping", () => {
  it("prefers CVE, then GHSA, then others; CVEs by year and number", () => {
    expect(preferredId(["PYSEC-2021-1", "GHSA-aaaa-bbbb-cccc", "CVE-2021-23337"])).toBe("CVE-2021-23337");
    expect(preferredId(["PYSEC-2021-1", "GHSA-aaaa-bbbb-cccc"])).toBe("GHSA-aaaa-bbbb-cccc");
    expect(preferredId(["RUSTSEC-2021-1", "PYSEC-2021-1"])).toBe("PYSEC-2021-1");
    expect(["CVE-2021-10000", "CVE-2021-9999", "CVE-2020-50000"].sort(compareIdUsefulness)).toEqual([
      "CVE-2020-50000",
      "CVE-2021-9999",
      "CVE-2021-10000",
    ]);
  });

  it("joins records transitively through aliases and upstream, keeping dates for SLA checks", () => {
    const groups = groupRecords([
      r("GHSA-xxxx-yyyy-zzzz", {
        aliases: ["CVE-2023-1"],
        published: "2023-03-01T00:00:00Z",
        modified: "2023-05-01T00:00:00Z",
      }),
      r("PYSEC-2023-7", {
        aliases: ["GHSA-xxxx-yyyy-zzzz"],
        published: "2023-02-01T00:00:00Z",
        modified: "2023-04-01T00:00:00Z",
      }),
      r("ALPINE-CVE-2023-1", { upstream: ["CVE-2023-1"], modified: "2024-01-01T00:00:00Z" }),
      r("DSA-5000-1", { related: ["CVE-2023-1"], published: "2022-01-01T00:00:00Z" }),
    ]);
    expect(groups).toHaveLength(2);
    const cve = groups.find((g) => g.id === "CVE-2023-1")!;
    expect(cve.records.map((x) => x.id).sort()).toEqual([
      "ALPINE-CVE-2023-1",
      "GHSA-xxxx-yyyy-zzzz",
      "PYSEC-2023-7",
    ]);
    expect(cve.aliases).toEqual(["GHSA-xxxx-yyyy-zzzz", "ALPINE-CVE-2023-1", "PYSEC-2023-7"]);
    expect(cve.published).toBe("2023-02-01T00:00:00Z");
    expect(cve.modified).toBe("2024-01-01T00:00:00Z");
    // `related` does not join: a DSA covers many CVEs and is its own finding.
    expect(groups.find((g) => g.id === "DSA-5000-1")!.records).toHaveLength(1);
  });

  it("keeps one copy of a record seen twice", () => {
    const groups = groupRecords([r("MAL-1"), r("MAL-1", { modified: "2025-01-01T00:00:00Z" })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.modified).toBe("2025-01-01T00:00:00Z");
  });
});
