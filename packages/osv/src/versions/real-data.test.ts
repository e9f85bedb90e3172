// The comparators against real advisories from ../shared/osv-db: bounds, version lists and release
// histories that the ecosystems' own tooling produced must come out in the order they were written.
import { describe, expect, it } from "vitest";
import { compareVersions } from "./index.js";
import { parseDpkg, verrevcmp } from "./dpkg.js";
import { rpmvercmp } from "./rpm.js";
import { eventEntry, readExport, type RecordShape } from "./test-support/osv-zip.js";

const cache = new Map<string, Promise<RecordShape[]>>();
function records(ecosystem: string): Promise<RecordShape[]> {
  let p = cache.get(ecosystem);
  if (!p) {
    p = readExport(ecosystem);
    cache.set(ecosystem, p);
  }
  return p;
}

/** Every `introduced` directly followed by a `fixed`/`last_affected` in the listed order must be lower. */
async function boundViolations(ecosystem: string): Promise<{ pairs: number; violations: string[] }> {
  let pairs = 0;
  const violations: string[] = [];
  for (const r of await records(ecosystem)) {
    for (const a of r.affected ?? []) {
      const eco = a.package?.ecosystem;
      if (!eco) continue;
      for (const range of a.ranges ?? []) {
        if (range.type === "GIT") continue;
        const ordering = range.type === "SEMVER" ? "SEMVER" : eco;
        const events = range.events.map(eventEntry);
        for (let i = 0; i + 1 < events.length; i++) {
          const [k1, v1] = events[i] ?? [];
          const [k2, v2] = events[i + 1] ?? [];
          if (k1 !== "introduced" || v1 === "0" || v1 === undefined || v2 === undefined) continue;
          if (k2 !== "fixed" && k2 !== "last_affected") continue;
          // Some advisories carry empty ranges (introduced == fixed); they say nothing about order.
          if (v1 === v2) continue;
          pairs++;
          const c = compareVersions(ordering, v1, v2);
          if (k2 === "fixed" ? c >= 0 : c > 0) violations.push(`${r.id}: ${v1} .. ${v2}`);
        }
      }
    }
  }
  return { pairs, violations };
}

describe("bounds of real advisories are in order", () => {
  it.each([
    ["Go", 2000],
    ["PyPI", 2900],
    ["crates.io", 900],
    ["Packagist", 350],
    ["Julia", 400],
    ["CRAN", 10],
    ["Hackage", 30],
    ["GHC", 7],
    ["Maven", 2],
  ])("%s", async (ecosystem, minPairs) => {
    const { pairs, violations } = await boundViolations(ecosystem);
    expect(pairs).toBeGreaterThanOrEqual(minPairs);
    expect(violations).toEqual([]);
  });

  it("Bitnami: only the advisories that list events out of order", async () => {
    const { pairs, violations } = await boundViolations("Bitnami");
    expect(pairs).toBeGreaterThan(15_000);
    // Bitnami lists several introduced/fixed pairs per range, not always sorted
    // (e.g. introduced 9.4.0 followed by fixed 9.3.4 for the 9.3 line); none are within one line.
    for (const v of violations) {
      const [, lo, hi] = /: (\S+) \.\. (\S+)$/.exec(v) ?? [];
      expect(Number(lo?.split(".")[0]) * 1000 + Number(lo?.split(".")[1])).toBeGreaterThan(
        Number(hi?.split(".")[0]) * 1000 + Number(hi?.split(".")[1]),
      );
    }
  });
});

/** OSV's evaluation of one range over sorted events (introduced "0" lowest). */
function inRange(ordering: string, version: string, events: [string, string][]): boolean {
  const sorted = [...events].sort((x, y) =>
    x[1] === "0" ? -1 : y[1] === "0" ? 1 : compareVersions(ordering, x[1], y[1]),
  );
  let affected = false;
  for (const [kind, bound] of sorted) {
    const c = bound === "0" ? 1 : compareVersions(ordering, version, bound);
    if (kind === "introduced" && c >= 0) affected = true;
    else if (kind === "fixed" && c >= 0) affected = false;
    else if (kind === "last_affected" && c > 0) affected = false;
  }
  return affected;
}

async function listedOutsideRanges(ecosystem: string): Promise<{ checked: number; outside: string[] }> {
  let checked = 0;
  const outside: string[] = [];
  for (const r of await records(ecosystem)) {
    for (const a of r.affected ?? []) {
      const eco = a.package?.ecosystem;
      const ranges = (a.ranges ?? []).filter((x) => x.type !== "GIT");
      if (!eco || !a.versions?.length || ranges.length === 0) continue;
      for (const v of a.versions) {
        checked++;
        const hit = ranges.some((range) =>
          inRange(
            range.type === "SEMVER" ? "SEMVER" : eco,
            v,
            range.events
              .map(eventEntry)
              .filter((e): e is [keyof (typeof range.events)[0], string] => !!e && e[0] !== "limit"),
          ),
        );
        if (!hit) outside.push(`${r.id} ${v}`);
      }
    }
  }
  return { checked, outside };
}

describe("listed affected versions fall inside the record's own ranges", () => {
  it("PyPI", async () => {
    const { checked, outside } = await listedOutsideRanges("PyPI");
    expect(checked).toBeGreaterThan(100_000);
    // Each is an inconsistency in the record itself, not in PEP 440 ordering:
    expect(outside.sort()).toEqual([
      // the fixed versions themselves are listed as affected
      "PYSEC-2021-114 2.11.6",
      "PYSEC-2023-177 23.9.0",
      "PYSEC-2023-177 23.9.0.post1",
      // pre-releases of 3.2 and 4.2 sort below `introduced: 3.2` / `introduced: 4.2` (PEP 440)
      "PYSEC-2023-61 3.2a1",
      "PYSEC-2023-61 3.2b1",
      "PYSEC-2023-61 3.2rc1",
      "PYSEC-2023-61 4.2a1",
      "PYSEC-2023-61 4.2b1",
      "PYSEC-2023-61 4.2rc1",
    ]);
  });

  it.each(["CRAN", "Ubuntu"])("%s", async (ecosystem) => {
    const { checked, outside } = await listedOutsideRanges(ecosystem);
    expect(checked).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });
});

/** Sorts every distinct version of an export and checks the comparator behaves as a total order on them. */
async function checkTotalOrder(ecosystem: string): Promise<number> {
  const byEco = new Map<string, Set<string>>();
  for (const r of await records(ecosystem)) {
    for (const a of r.affected ?? []) {
      const eco = a.package?.ecosystem;
      if (!eco) continue;
      for (const range of a.ranges ?? []) {
        if (range.type === "GIT") continue;
        const ordering = range.type === "SEMVER" ? "SEMVER" : eco;
        let set = byEco.get(ordering);
        if (!set) byEco.set(ordering, (set = new Set()));
        for (const e of range.events) {
          const entry = eventEntry(e);
          if (entry && entry[1] !== "0") set.add(entry[1]);
        }
      }
      if (a.versions?.length) {
        const set = byEco.get(eco) ?? new Set<string>();
        for (const v of a.versions) set.add(v);
        byEco.set(eco, set);
      }
    }
  }
  let total = 0;
  const failures: string[] = [];
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (const [eco, set] of byEco) {
    const sorted = [...set].sort((a, b) => compareVersions(eco, a, b));
    total += sorted.length;
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i] as string;
      const b = sorted[i + 1] as string;
      const ab = compareVersions(eco, a, b);
      if (ab > 0 || compareVersions(eco, b, a) !== -ab) failures.push(`${eco}: ${a} vs ${b}`);
    }
    // Any two positions, not just neighbours: catches intransitive comparisons.
    for (let k = 0; k < 3000 && sorted.length > 1; k++) {
      const i = random(sorted.length);
      const j = random(sorted.length);
      const lo = sorted[Math.min(i, j)] as string;
      const hi = sorted[Math.max(i, j)] as string;
      if (compareVersions(eco, lo, hi) > 0) failures.push(`${eco}: ${lo} vs ${hi}`);
    }
  }
  expect(failures).toEqual([]);
  return total;
}

describe("every real version of an ecosystem sorts into one consistent order", () => {
  it.each([
    ["Debian", 300],
    ["Alpine", 5000],
    ["AlmaLinux", 9000],
    ["Ubuntu", 50],
    ["CleanStart", 1000],
    ["Bitnami", 3000],
    ["Homebrew", 5],
    ["Hackage", 50],
  ])(
    "%s",
    async (ecosystem, minVersions) => {
      expect(await checkTotalOrder(ecosystem)).toBeGreaterThanOrEqual(minVersions);
    },
    60_000,
  );
});

describe("release histories", () => {
  it("Debian: each package's DSA fixed versions rise with the DSA number", async () => {
    const byPackage = new Map<string, { dsa: number; fixed: string }[]>();
    for (const r of await records("Debian")) {
      const m = /^DSA-(\d+)-(\d+)$/.exec(r.id);
      if (!m) continue;
      for (const a of r.affected ?? []) {
        const fixed = a.ranges?.[0]?.events.map(eventEntry).find((e) => e?.[0] === "fixed")?.[1];
        if (!a.package || !fixed) continue;
        const list = byPackage.get(a.package.name) ?? [];
        list.push({ dsa: Number(m[1]) * 100 + Number(m[2]), fixed });
        byPackage.set(a.package.name, list);
      }
    }
    let checked = 0;
    const regressions: string[] = [];
    for (const [name, list] of byPackage) {
      list.sort((x, y) => x.dsa - y.dsa);
      for (let i = 0; i + 1 < list.length; i++) {
        checked++;
        const a = list[i] as { fixed: string };
        const b = list[i + 1] as { fixed: string };
        if (compareVersions("Debian:11", a.fixed, b.fixed) > 0)
          regressions.push(`${name}: ${a.fixed} > ${b.fixed}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(regressions).toEqual([]);
  });
});

describe("pre-split dpkg and rpm comparisons agree with the raw-string algorithms", () => {
  async function boundsOf(ecosystem: string): Promise<string[]> {
    const set = new Set<string>();
    for (const r of await records(ecosystem))
      for (const a of r.affected ?? []) {
        for (const range of a.ranges ?? [])
          for (const e of range.events) {
            const entry = eventEntry(e);
            if (entry && entry[1] !== "0") set.add(entry[1]);
          }
        for (const v of a.versions ?? []) set.add(v);
      }
    return [...set];
  }

  it.each([
    ["Debian", "Debian", verrevcmpFull],
    ["Ubuntu", "Ubuntu", verrevcmpFull],
    ["AlmaLinux", "AlmaLinux", rpmFull],
  ] as const)("%s", async (exportName, ecosystem, reference) => {
    const versions = (await boundsOf(exportName)).slice(0, 1500);
    const disagreements: string[] = [];
    for (let i = 0; i < versions.length; i++)
      for (let j = i + 1; j < versions.length; j += 1 + (i % 7)) {
        const a = versions[i] as string;
        const b = versions[j] as string;
        if (Math.sign(compareVersions(ecosystem, a, b)) !== Math.sign(reference(a, b)))
          disagreements.push(`${a} ${b}`);
      }
    expect(disagreements).toEqual([]);
  });
});

/** [epoch:]upstream[-revision] compared field by field with dpkg's raw verrevcmp. */
function verrevcmpFull(a: string, b: string): number {
  const x = parseDpkg(a);
  const y = parseDpkg(b);
  if (!x || !y) throw new Error(`not a Debian version: ${a} / ${b}`);
  const split = (v: string): [number, string, string] => {
    const colon = v.indexOf(":");
    const rest = colon >= 0 ? v.slice(colon + 1) : v;
    const dash = rest.lastIndexOf("-");
    return [
      colon >= 0 ? Number(v.slice(0, colon)) : 0,
      dash >= 0 ? rest.slice(0, dash) : rest,
      dash >= 0 ? rest.slice(dash + 1) : "",
    ];
  };
  const [ea, ua, ra] = split(a.trim());
  const [eb, ub, rb] = split(b.trim());
  return ea - eb || verrevcmp(ua, ub) || verrevcmp(ra, rb);
}

function rpmFull(a: string, b: string): number {
  const split = (v: string): [number, string, string] => {
    const colon = v.indexOf(":");
    const rest = colon >= 0 ? v.slice(colon + 1) : v;
    const dash = rest.lastIndexOf("-");
    return [
      colon >= 0 ? Number(v.slice(0, colon)) : 0,
      dash >= 0 ? rest.slice(0, dash) : rest,
      dash >= 0 ? rest.slice(dash + 1) : "",
    ];
  };
  const [ea, va, ra] = split(a.trim());
  const [eb, vb, rb] = split(b.trim());
  return ea - eb || rpmvercmp(va, vb) || rpmvercmp(ra, rb);
}
