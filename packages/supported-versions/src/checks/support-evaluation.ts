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
