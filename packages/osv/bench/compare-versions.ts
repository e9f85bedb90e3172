// compareVersions throughput on real versions from ../shared/osv-db: every distinct bound of an
// export, sorted repeatedly (warm parse cache) and once with a cold cache. Target: >= 1M comparisons/s warm.
import { compareVersions } from "../src/versions/index.js";
import { eventEntry, readExport } from "../src/versions/test-support/osv-zip.js";

const rows: [string, string, string, string][] = [];
for (const exportName of ["PyPI", "Debian", "Alpine", "AlmaLinux", "Go", "Packagist", "Bitnami"]) {
  const byOrdering = new Map<string, Set<string>>();
  for (const r of await readExport(exportName))
    for (const a of r.affected ?? [])
      for (const range of a.ranges ?? []) {
        if (range.type === "GIT" || !a.package) continue;
        const ordering = range.type === "SEMVER" ? "SEMVER" : a.package.ecosystem;
        const set = byOrdering.get(ordering) ?? new Set<string>();
        for (const e of range.events) {
          const entry = eventEntry(e);
          if (entry && entry[1] !== "0") set.add(entry[1]);
        }
        byOrdering.set(ordering, set);
      }
  const [ordering, set] = [...byOrdering].sort((x, y) => y[1].size - x[1].size)[0] ?? [];
  if (!ordering || !set) continue;
  // Distinct strings the comparator has not seen: suffix-free variants would collide, so shuffle order only.
  const versions = [...set];
  let comparisons = 0;
  const cmp = (a: string, b: string): number => {
    comparisons++;
    return compareVersions(ordering, a, b);
  };
  const coldStart = performance.now();
  [...versions].sort(cmp);
  const coldMs = performance.now() - coldStart;
  comparisons = 0;
  const warmStart = performance.now();
  for (let i = 0; i < 10; i++) [...versions].reverse().sort(cmp);
  const warmMs = performance.now() - warmStart;
  rows.push([
    ordering,
    String(versions.length),
    coldMs.toFixed(1),
    (((comparisons / warmMs) * 1000) / 1e6).toFixed(2),
  ]);
}
console.log("compareVersions on real bounds (sorting every distinct bound of an export)");
console.log(
  [
    "ordering",
    "distinct versions",
    "cold sort ms (parse + compare)",
    "warm M comparisons/s (target >= 1)",
  ].join(" | "),
);
for (const row of rows) console.log(row.join(" | "));
