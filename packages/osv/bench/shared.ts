// Helpers for the benchmarks: where the real data is, the largest export, a realistic package set.
import { statSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readZipRecords } from "../src/records/read-zip.js";
import type { PackageQuery } from "../src/records/osv-record.js";

export const OSV_DB_DIR = fileURLToPath(new URL("../../../../shared/osv-db/", import.meta.url));

export function largestExport(): { ecosystem: string; path: string; bytes: number } {
  let best = { ecosystem: "", path: "", bytes: -1 };
  for (const eco of readdirSync(OSV_DB_DIR)) {
    const path = join(OSV_DB_DIR, eco, "all.zip");
    try {
      const bytes = statSync(path).size;
      if (bytes > best.bytes) best = { ecosystem: eco, path, bytes };
    } catch {
      // Not an ecosystem folder.
    }
  }
  return best;
}

/**
 * `count` packages drawn from an export's own records (so many of them hit), one in four with a
 * name no record has, versions taken from the records' versions lists and range events.
 */
export async function packageSet(zip: string, ecosystem: string, count: number): Promise<PackageQuery[]> {
  const out: PackageQuery[] = [];
  const seen = new Set<string>();
  await readZipRecords(zip, (record) => {
    if (out.length >= count) return;
    for (const a of record.affected ?? []) {
      if (!a.package || out.length >= count) continue;
      const versions = [
        ...(a.versions ?? []),
        ...(a.ranges ?? []).flatMap((r) =>
          r.events.map((e) => e.fixed ?? e.introduced ?? e.last_affected ?? ""),
        ),
      ].filter((v) => v && v !== "0");
      const version = versions[seen.size % Math.max(1, versions.length)] ?? "1.0.0";
      const key = `${a.package.name}@${version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ecosystem, name: a.package.name, version });
      if (out.length % 4 === 3)
        out.push({ ecosystem, name: `bench-unknown-${out.length}`, version: "1.0.0" });
    }
  });
  return out.slice(0, count);
}

export function peakRssMiB(): number {
  // maxRSS is in KiB on Linux.
  return process.resourceUsage().maxRSS / 1024;
}

export function report(title: string, rows: Array<[string, string | number]>): void {
  console.log(`\n${title}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(44)} ${v}`);
}
