// Matching 10,000 packages against a loaded index. Target: < 100 ms.
import { isAffected } from "../src/matching/is-affected.js";
import { matchPackages } from "../src/matching/match-packages.js";
import { OsvIndex } from "../src/records/osv-index.js";
import { OfflineSource } from "../src/sources/offline-source.js";
import { OSV_DB_DIR, largestExport, packageSet, report } from "./shared.js";

const { ecosystem, path } = largestExport();
const packages = await packageSet(path, ecosystem, 10_000);
const index = await OsvIndex.fromZip(path);

function pass(): { ms: number; affected: number; unresolved: number } {
  const start = performance.now();
  let affected = 0;
  let unresolved = 0;
  for (const pkg of packages) {
    for (const record of index.candidates(pkg)) {
      const r = isAffected(record, pkg);
      if (r.status === "affected") affected++;
      else if (r.status === "unresolved") unresolved++;
    }
  }
  return { ms: performance.now() - start, affected, unresolved };
}

const cold = pass();
const warm = pass();

const source = new OfflineSource({ base: OSV_DB_DIR });
await source.query([{ ecosystem, name: "warm-up", version: "1.0.0" }]);
const start = performance.now();
const result = await matchPackages(packages, source);
const full = performance.now() - start;

report(`match ${packages.length} ${ecosystem} packages against the loaded index`, [
  ["(package, record) pairs affected", cold.affected],
  ["pairs unresolved", cold.unresolved],
  ["first pass ms (sorts events, parses versions; target < 100)", cold.ms.toFixed(1)],
  ["second pass ms", warm.ms.toFixed(1)],
  ["matchPackages ms (with grouping and full-record reads)", full.toFixed(0)],
  ["findings", result.matches.length],
]);
