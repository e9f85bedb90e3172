import type { OsvRecord } from "./osv-record.js";

/** Parses and checks one OSV record; errors name `source` (a file, or "zip!entry"). */
export function parseOsvRecord(text: string, source: string): OsvRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source}: not valid JSON: ${(err as Error).message}`);
  }
  return checkOsvRecord(value, source);
}

export function checkOsvRecord(value: unknown, source: string): OsvRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${source}: an OSV record must be a JSON object`);
  }
  const rec = value as Record<string, unknown>;
  if (typeof rec.id !== "string" || rec.id === "") throw new Error(`${source}: OSV record has no "id"`);
  if (typeof rec.modified !== "string") throw new Error(`${source}: OSV record ${rec.id} has no "modified"`);
  if (rec.affected !== undefined) {
    if (!Array.isArray(rec.affected)) throw new Error(`${source}: ${rec.id}: "affected" must be an array`);
    rec.affected.forEach((a: unknown, i) => {
      if (typeof a !== "object" || a === null)
        throw new Error(`${source}: ${rec.id}: affected[${i}] is not an object`);
      const entry = a as Record<string, unknown>;
      const pkg = entry.package as Record<string, unknown> | undefined;
      if (pkg !== undefined && (typeof pkg.ecosystem !== "string" || typeof pkg.name !== "string")) {
        throw new Error(`${source}: ${rec.id}: affected[${i}].package needs "ecosystem" and "name"`);
      }
      if (entry.ranges !== undefined && !Array.isArray(entry.ranges)) {
        throw new Error(`${source}: ${rec.id}: affected[${i}].ranges must be an array`);
      }
      for (const [j, r] of ((entry.ranges as unknown[] | undefined) ?? []).entries()) {
        const range = r as Record<string, unknown> | null;
        if (!range || typeof range.type !== "string" || !Array.isArray(range.events)) {
          throw new Error(`${source}: ${rec.id}: affected[${i}].ranges[${j}] needs "type" and "events"`);
        }
      }
      if (entry.versions !== undefined && !Array.isArray(entry.versions)) {
        throw new Error(`${source}: ${rec.id}: affected[${i}].versions must be an array`);
      }
    });
  }
  for (const key of ["aliases", "upstream", "related"] as const) {
    if (rec[key] !== undefined && !Array.isArray(rec[key]))
      throw new Error(`${source}: ${rec.id}: "${key}" must be an array`);
  }
  return rec as unknown as OsvRecord;
}
