import { describe, expect, it } from "vitest";
import type { OsvEvent, OsvRecord, RangeType } from "../records/osv-record.js";
import { OsvIndex } from "../records/osv-index.js";
import { exportZip } from "../test-support/shared-data.js";
import { isAffected } from "./is-affected.js";

function rec(affected: OsvRecord["affected"], extra: Partial<OsvRecord> = {}): OsvRecord {
  return { id: "TEST-1", modified: "2024-01-01T00:00:00Z", affected, ...extra };
}

const eco = (events: OsvEvent[], type: RangeType = "ECOSYSTEM"): OsvRecord["affected"] => [
  { package: { ecosystem: "PyPI", name: "Demo-Pkg" }, ranges: [{ type, events }] },
];

describe("isAffected: range evaluation per the OSV schema", () => {
  it("introduced/fixed: half-open interval", () => {
    const r = rec(eco([{ introduced: "1.0" }, { fixed: "1.5" }]));
    const q = (version: string) => isAffected(r, { ecosystem: "PyPI", name: "demo_pkg", version }).status;
    expect(q("0.9")).toBe("not-affected");
    expect(q("1.0")).toBe("affected");
    expect(q("1.4.9")).toBe("affected");
    expect(q("1.5")).toBe("not-affected");
    expect(q("2.0")).toBe("not-affected");
  });

  it("sorts events by the ecosystem's order whatever their order in the record", () => {
    const r = rec(eco([{ fixed: "2.0.1" }, { introduced: "2.0" }, { fixed: "1.10" }, { introduced: "0" }]));
    const q = (version: string) => isAffected(r, { ecosystem: "PyPI", name: "demo-pkg", version });
    expect(q("1.9").status).toBe("affected");
    expect(q("1.9").fixed).toBe("1.10");
    expect(q("1.10").status).toBe("not-affected");
    expect(q("1.11").status).toBe("not-affected");
    expect(q("2.0")).toEqual({ status: "affected", fixed: "2.0.1" });
    expect(q("2.0.1").status).toBe("not-affected");
  });

  it("last_affected is inclusive and gives no fix", () => {
    const r = rec(eco([{ introduced: "1.0" }, { last_affected: "1.2" }]));
    const q = (version: string) => isAffected(r, { ecosystem: "PyPI", name: "demo-pkg", version });
    expect(q("1.2")).toEqual({ status: "affected" });
    expect(q("1.2.1").status).toBe("not-affected");
  });

  it("introduced with no end affects every later version; limit bounds a range, '*' does not", () => {
    const open = rec(eco([{ introduced: "3.0" }]));
    expect(isAffected(open, { ecosystem: "PyPI", name: "demo-pkg", version: "99" })).toEqual({
      status: "affected",
    });
    const limited = rec(eco([{ introduced: "0" }, { limit: "2.0" }]));
    expect(isAffected(limited, { ecosystem: "PyPI", name: "demo-pkg", version: "1.0" }).status).toBe(
      "affected",
    );
    expect(isAffected(limited, { ecosystem: "PyPI", name: "demo-pkg", version: "2.0" }).status).toBe(
      "not-affected",
    );
    const star = rec(eco([{ introduced: "0" }, { limit: "*" }]));
    expect(isAffected(star, { ecosystem: "PyPI", name: "demo-pkg", version: "9.0" }).status).toBe("affected");
  });

  it("SEMVER ranges use SemVer ordering (pre-releases sort before releases)", () => {
    const r = rec([
      {
        package: { ecosystem: "Go", name: "example.com/mod" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "1.2.0" }] }],
      },
    ]);
    const q = (version: string) =>
      isAffected(r, { ecosystem: "Go", name: "example.com/mod", version }).status;
    expect(q("1.2.0-rc.1")).toBe("affected");
    expect(q("1.2.0")).toBe("not-affected");
  });

  it("versions lists match exactly, alongside ranges; several ranges and entries are all considered", () => {
    const r = rec([
      { package: { ecosystem: "npm", name: "a" }, versions: ["1.0.0", "1.0.1"] },
      {
        package: { ecosystem: "npm", name: "a" },
        ranges: [
          { type: "GIT", repo: "https://github.com/x/a", events: [{ introduced: "0" }, { fixed: "abc" }] },
          { type: "SEMVER", events: [{ introduced: "2.0.0" }, { fixed: "2.1.0" }] },
          { type: "SEMVER", events: [{ introduced: "3.0.0" }, { fixed: "3.0.5" }] },
        ],
      },
    ]);
    const q = (version: string) => isAffected(r, { ecosystem: "npm", name: "a", version });
    expect(q("1.0.1").status).toBe("affected");
    expect(q("1.0.2").status).toBe("not-affected");
    expect(q("2.0.3")).toEqual({ status: "affected", fixed: "2.1.0" });
    expect(q("3.0.0")).toEqual({ status: "affected", fixed: "3.0.5" });
  });

  it("reports the lowest fix over every affecting range", () => {
    const r = rec([
      {
        package: { ecosystem: "npm", name: "a" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "0" }, { fixed: "2.5.0" }] }],
      },
      {
        package: { ecosystem: "npm", name: "a" },
        ranges: [{ type: "SEMVER", events: [{ introduced: "1.0.0" }, { fixed: "1.4.0" }] }],
      },
    ]);
    expect(isAffected(r, { ecosystem: "npm", name: "a", version: "1.2.0" })).toEqual({
      status: "affected",
      fixed: "1.4.0",
    });
  });

  it("without a version the package is unresolved, not vulnerable; other packages are not affected", () => {
    const r = rec(eco([{ introduced: "0" }, { fixed: "1.0" }]));
    expect(isAffected(r, { ecosystem: "PyPI", name: "demo-pkg" }).status).toBe("unresolved");
    expect(isAffected(r, { ecosystem: "PyPI", name: "other" }).status).toBe("not-affected");
    expect(isAffected(r, { ecosystem: "npm", name: "demo-pkg", version: "0.1" }).status).toBe("not-affected");
  });

  it("a commit alone cannot be placed in version ranges: unresolved, not clean", () => {
    const r = rec(eco([{ introduced: "0" }, { fixed: "1.0" }]));
    expect(isAffected(r, { ecosystem: "PyPI", name: "demo-pkg", commit: "abc123" })).toEqual({
      status: "unresolved",
      reason: "no version to compare with ECOSYSTEM ranges",
    });
  });

  it("an invalid installed version is unresolved unless listed verbatim", () => {
    const r = rec([
      {
        package: { ecosystem: "PyPI", name: "x" },
        versions: ["not a version"],
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "1.0" }] }],
      },
    ]);
    expect(isAffected(r, { ecosystem: "PyPI", name: "x", version: "not a version" }).status).toBe("affected");
    expect(isAffected(r, { ecosystem: "PyPI", name: "x", version: "garbage!!" }).status).toBe("unresolved");
  });

  it("withdrawn records never match", () => {
    const r = rec(eco([{ introduced: "0" }]), { withdrawn: "2024-02-01T00:00:00Z" });
    expect(isAffected(r, { ecosystem: "PyPI", name: "demo-pkg", version: "1.0" }).status).toBe(
      "not-affected",
    );
  });

  it("ecosystem releases: Debian:11 applies to Debian:11 only; bare Debian applies to every release", () => {
    const d11 = rec([
      {
        package: { ecosystem: "Debian:11", name: "curl" },
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "7.74.0-1.3+deb11u7" }] }],
      },
    ]);
    expect(
      isAffected(d11, { ecosystem: "Debian:11", name: "curl", version: "7.74.0-1.3+deb11u3" }).status,
    ).toBe("affected");
    expect(
      isAffected(d11, { ecosystem: "Debian:12", name: "curl", version: "7.74.0-1.3+deb11u3" }).status,
    ).toBe("not-affected");
    const bare = rec([
      {
        package: { ecosystem: "Debian", name: "curl" },
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "7.88.1-1" }] }],
      },
    ]);
    expect(isAffected(bare, { ecosystem: "Debian:12", name: "curl", version: "7.74.0-1" }).status).toBe(
      "affected",
    );
    const alpine = rec([
      {
        package: { ecosystem: "Alpine:v3.18", name: "libexif" },
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "0.6.19-r0" }] }],
      },
    ]);
    expect(
      isAffected(alpine, { ecosystem: "Alpine:v3.18", name: "libexif", version: "0.6.18-r0" }).status,
    ).toBe("affected");
    expect(
      isAffected(alpine, { ecosystem: "Alpine:v3.19", name: "libexif", version: "0.6.18-r0" }).status,
    ).toBe("not-affected");
  });
});

describe("isAffected: GIT ranges", () => {
  const r = rec([
    {
      ranges: [
        {
          type: "GIT",
          repo: "https://github.com/python/cpython",
          events: [{ introduced: "aaa111" }, { fixed: "bbb222" }],
        },
        {
          type: "GIT",
          repo: "https://github.com/python/cpython",
          events: [{ introduced: "ccc333" }, { fixed: "ddd444" }],
        },
      ],
    },
  ]);
  const q = { ecosystem: "GIT", name: "https://github.com/python/cpython.git" };

  it("decides by commit without stopping at the first GIT range", () => {
    expect(isAffected(r, { ...q, commit: "ccc333" })).toEqual({ status: "affected", fixed: "ddd444" });
    expect(isAffected(r, { ...q, commit: "bbb222" }).status).toBe("unresolved");
    expect(isAffected(r, { ...q, commit: "eee555" }).status).toBe("unresolved");
  });

  it("walks ancestry when a resolver is given", () => {
    // History: aaa111 -> x1 -> bbb222 -> ccc333 -> x2 -> ddd444 (a line).
    const line = ["aaa111", "x1", "bbb222", "ccc333", "x2", "ddd444"];
    const gitAncestry = (_repo: string, a: string, d: string) => {
      const ia = line.indexOf(a);
      const id = line.indexOf(d);
      return ia < 0 || id < 0 ? undefined : ia <= id;
    };
    expect(isAffected(r, { ...q, commit: "x1" }, { gitAncestry }).status).toBe("affected");
    expect(isAffected(r, { ...q, commit: "bbb222" }, { gitAncestry }).status).toBe("not-affected");
    expect(isAffected(r, { ...q, commit: "x2" }, { gitAncestry })).toEqual({
      status: "affected",
      fixed: "ddd444",
    });
    expect(isAffected(r, { ...q, commit: "ddd444" }, { gitAncestry }).status).toBe("not-affected");
  });

  it("GIT ranges are skipped (not fatal) when only a version is known", () => {
    const mixed = rec([
      {
        package: { ecosystem: "PyPI", name: "x" },
        ranges: [
          { type: "GIT", repo: "https://github.com/x/x", events: [{ introduced: "0" }, { fixed: "abc" }] },
          { type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2.0" }] },
        ],
      },
    ]);
    expect(isAffected(mixed, { ecosystem: "PyPI", name: "x", version: "1.0" })).toEqual({
      status: "affected",
      fixed: "2.0",
    });
    expect(isAffected(mixed, { ecosystem: "PyPI", name: "x", version: "2.0" }).status).toBe("not-affected");
  });
});

describe("isAffected on real records", () => {
  it("lodash 4.17.15 is affected by GHSA-35jh-r3h4-6jhm, fixed in 4.17.21; 4.17.21 is not", async () => {
    const index = await OsvIndex.fromZip(exportZip("npm"));
    const [record] = index
      .candidates({ ecosystem: "npm", name: "lodash" })
      .filter((r) => r.id === "GHSA-35jh-r3h4-6jhm");
    expect(record).toBeDefined();
    expect(isAffected(record!, { ecosystem: "npm", name: "lodash", version: "4.17.15" })).toEqual({
      status: "affected",
      fixed: "4.17.21",
    });
    expect(isAffected(record!, { ecosystem: "npm", name: "lodash", version: "4.17.21" }).status).toBe(
      "not-affected",
    );
    expect(isAffected(record!, { ecosystem: "npm", name: "lodash-es", version: "4.17.20" }).status).toBe(
      "affected",
    );
  });
});

describe("ranges with bounds the ecosystem cannot order", () => {
  it("reports the package as unresolved instead of silently not affected", () => {
    // A real shape from Alpine secdb conversions: "6.6.2p1-r0" is not an apk version.
    const record = {
      id: "ALPINE-TEST-1",
      modified: "2024-01-01T00:00:00Z",
      affected: [
        {
          package: { ecosystem: "Alpine:v3.18", name: "openssh" },
          ranges: [{ type: "ECOSYSTEM" as const, events: [{ introduced: "0" }, { fixed: "6.6.2p1-r0" }] }],
        },
      ],
    };
    const verdict = isAffected(record, { ecosystem: "Alpine:v3.18", name: "openssh", version: "6.6.1-r0" });
    expect(verdict.status).toBe("unresolved");
    expect((verdict as { reason?: string }).reason).toContain(
      '"6.6.2p1-r0" is not a valid Alpine:v3.18 version',
    );
  });
});
