// Matching 10,000 packages against a loaded index. Target: < 100 ms.
import { isAffected } from "../src/matching/is-affected.js";
import { matchPackages } from "../src/matching/match-packages.js";
import { OsvIndex } from "../src/records/osv-index.js";
import { OfflineSource } from "../src/sources/offline-source.js";
import { OSV_DB_DIR, largestExport, packageSet, report } from "./shared.js";

const { ecosystem, path } = largestExport();
const packages = await packageSet(path, ecosystem, 10_000);
const index = await OsvIndex.fromZip(path);

function pass(): { ms: number; cpuMs: number; affected: number; unresolved: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let affected = 0;
  let unresolved = 0;
  for (const pkg of packages) {
    for (const record of index.candidates(pkg)) {
      const r = isAffected(record, pkg);
      if (r.status === "affected") affected++;
      else if (r.status === "unresolved") unresolved++;
    }
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, affected, unresolved };
}

const cold = pass();
// Steady state: the best of a few more passes (the machine may be shared).
const warm = [pass(), pass(), pass(), pass(), pass()].sort((a, b) => a.ms - b.ms)[0]!;

const source = new OfflineSource({ base: OSV_DB_DIR });
await source.query([{ ecosystem, name: "warm-up", version: "1.0.0" }]);
const start = performance.now();
const result = await matchPackages(packages, source);
const full = performance.now() - start;

report(`match ${packages.length} ${ecosystem} packages against the loaded index`, [
  ["(package, record) pairs affected", cold.affected],
  ["pairs unresolved", cold.unresolved],
  [
    "first pass ms wall / CPU (cold: JIT, name and version caches)",
    `${cold.ms.toFixed(1)} / ${cold.cpuMs.toFixed(1)}`,
  ],
  ["warm pass ms wall / CPU, best of 5 (target < 100)", `${warm.ms.toFixed(1)} / ${warm.cpuMs.toFixed(1)}`],
  ["matchPackages ms (with grouping and full-record reads)", full.toFixed(0)],
  ["findings", result.matches.length],
]);
