// Which rows of the table cover a version, and what the table as a whole says about it.
import type semver from "semver";
import { specCovers, type SupportRow, type SupportTable } from "@bulwark/security-policy";

export interface Coverage {
  supportedBy: SupportRow[];
  unsupportedBy: SupportRow[];
}

export function coverage(table: SupportTable, version: semver.SemVer, latest?: semver.SemVer): Coverage {
  const matching = table.rows.filter((row) => specCovers(row.spec, version, latest));
  return {
    supportedBy: matching.filter((r) => r.status === "supported"),
    unsupportedBy: matching.filter((r) => r.status === "unsupported"),
  };
}

/** The day a date-only row stops being supported, compared as YYYY-MM-DD (UTC). */
const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Rows whose only status is an end-of-support date ("| 2.x | 2026-06-30 |") get one from the clock:
 * supported through that day, unsupported after.
 */
export function withDatedStatus(table: SupportTable, now: Date): SupportTable {
  return {
    ...table,
    rows: table.rows.map((row) =>
      row.status === "unknown" && row.until
        ? { ...row, status: row.until >= today(now) ? "supported" : "unsupported" }
        : row,
    ),
  };
}

/** Rows marked supported whose end-of-support date has passed. */
export function expiredRows(table: SupportTable, now: Date): SupportRow[] {
  return table.rows.filter((r) => r.status === "supported" && r.until !== undefined && r.until < today(now));
}

/** The table as it reads today: rows whose end-of-support date passed count as unsupported. */
export function asOf(table: SupportTable, now: Date): SupportTable {
  const expired = new Set(expiredRows(table, now));
  return {
    ...table,
    rows: table.rows.map((row) => (expired.has(row) ? { ...row, status: "unsupported" } : row)),
  };
}
