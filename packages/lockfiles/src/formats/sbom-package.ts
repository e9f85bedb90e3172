// One SBOM entry (CycloneDX component, SPDX package) as a PackageRecord, through its purl.
import type { PackageRecord } from "../package-record.js";
import { osvPackageOf } from "./purl-ecosystem.js";
import { parsePurl } from "./purl-parse.js";

export interface SbomEntry {
  purl?: string;
  /** The entry's own version field, used when the purl has none. */
  version?: string;
  file: string;
  line?: number;
}

/** The record, or undefined when the entry has no purl of an ecosystem OSV knows. */
export function sbomPackage(entry: SbomEntry): PackageRecord | undefined {
  if (!entry.purl) return undefined;
  const purl = parsePurl(entry.purl);
  if (!purl) return undefined;
  const osv = osvPackageOf(purl);
  if (!osv) return undefined;
  const version = osv.version ?? entry.version?.trim();
  const record: PackageRecord = {
    name: osv.name,
    ecosystem: osv.ecosystem,
    purl: entry.purl.trim(),
    file: entry.file,
    line: entry.line,
  };
  if (version) record.version = version;
  else record.requirement = "no version in the SBOM";
  return record;
}

/** Drops repeats of the same package (SBOMs often list one package once per location). */
export function dedupeRecords(records: PackageRecord[]): PackageRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = `${r.ecosystem}\u0000${r.name}\u0000${r.version ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
