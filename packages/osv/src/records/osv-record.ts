// The OSV schema (1.6) as far as Bulwark reads it. Unknown fields are kept by JSON.parse and ignored.

export type RangeType = "SEMVER" | "ECOSYSTEM" | "GIT";

/** Exactly one of the keys is set in a well-formed event. */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: RangeType;
  /** The repository URL; required for GIT ranges. */
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvPackage {
  ecosystem: string;
  name: string;
  purl?: string;
}

export interface OsvSeverity {
  type: "CVSS_V2" | "CVSS_V3" | "CVSS_V4" | "Ubuntu" | string;
  score: string;
}

export interface OsvAffected {
  /** Absent for records that only carry GIT ranges (e.g. commit-level advisories). */
  package?: OsvPackage;
  severity?: OsvSeverity[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  type: string;
  url: string;
}

export interface OsvCredit {
  name: string;
  contact?: string[];
  type?: string;
}

export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  upstream?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: OsvReference[];
  credits?: OsvCredit[];
  database_specific?: Record<string, unknown>;
}

/** A package (or commit) to check. `ecosystem` uses OSV's names, with an optional release suffix ("Debian:11"). */
export interface PackageQuery {
  ecosystem: string;
  name: string;
  version?: string;
  /** A full git commit hash, checked against GIT ranges. */
  commit?: string;
}
