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

const EVENT_KINDS = ["introduced", "fixed", "last_affected", "limit"] as const;
const OPTIONAL_STRINGS = ["published", "withdrawn", "summary", "details", "schema_version"] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks the parts of a record that matching reads (ids, package, ranges, events, versions, aliases),
 * so a malformed record is rejected here, naming its source, instead of breaking a comparison later.
 * Fields Bulwark only displays or ignores are left as they are.
 */
export function checkOsvRecord(value: unknown, source: string): OsvRecord {
  if (!isObject(value)) throw new Error(`${source}: an OSV record must be a JSON object`);
  const rec = value;
  if (typeof rec.id !== "string" || rec.id === "") throw new Error(`${source}: OSV record has no "id"`);
  const bad = (what: string): Error => new Error(`${source}: ${rec.id as string}: ${what}`);
  if (typeof rec.modified !== "string") throw new Error(`${source}: OSV record ${rec.id} has no "modified"`);
  for (const key of OPTIONAL_STRINGS) {
    if (rec[key] !== undefined && typeof rec[key] !== "string") throw bad(`"${key}" must be a string`);
  }
  if (rec.affected !== undefined) {
    if (!Array.isArray(rec.affected)) throw bad(`"affected" must be an array`);
    rec.affected.forEach((a: unknown, i) => {
      if (!isObject(a)) throw bad(`affected[${i}] is not an object`);
      const entry = a;
      const pkg = entry.package;
      if (
        pkg !== undefined &&
        (!isObject(pkg) ||
          typeof pkg.ecosystem !== "string" ||
          typeof pkg.name !== "string" ||
          (pkg.purl !== undefined && typeof pkg.purl !== "string"))
      ) {
        throw bad(`affected[${i}].package needs "ecosystem" and "name"`);
      }
      if (entry.ranges !== undefined && !Array.isArray(entry.ranges)) {
        throw bad(`affected[${i}].ranges must be an array`);
      }
      for (const [j, r] of ((entry.ranges as unknown[] | undefined) ?? []).entries()) {
        if (!isObject(r) || typeof r.type !== "string" || !Array.isArray(r.events)) {
          throw bad(`affected[${i}].ranges[${j}] needs "type" and "events"`);
        }
        if (r.repo !== undefined && typeof r.repo !== "string") {
          throw bad(`affected[${i}].ranges[${j}].repo must be a string`);
        }
        r.events.forEach((e: unknown, k) => {
          if (
            !isObject(e) ||
            EVENT_KINDS.some((kind) => e[kind] !== undefined && typeof e[kind] !== "string")
          ) {
            throw bad(`affected[${i}].ranges[${j}].events[${k}] must map an event kind to a version string`);
          }
        });
      }
      if (
        entry.versions !== undefined &&
        (!Array.isArray(entry.versions) || entry.versions.some((v) => typeof v !== "string"))
      ) {
        throw bad(`affected[${i}].versions must be an array of strings`);
      }
      if (entry.severity !== undefined && !Array.isArray(entry.severity)) {
        throw bad(`affected[${i}].severity must be an array`);
      }
    });
  }
  for (const key of ["aliases", "upstream", "related"] as const) {
    const list = rec[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((v) => typeof v !== "string")))
      throw bad(`"${key}" must be an array of strings`);
  }
  if (rec.severity !== undefined && !Array.isArray(rec.severity)) throw bad(`"severity" must be an array`);
  return rec as unknown as OsvRecord;
}
