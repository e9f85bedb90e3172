import { ecosystemFamily } from "../versions/index.js";

// OSV ecosystem strings are "<Base>" or "<Base>:<release>" ("Debian:11", "Alpine:v3.18", "Ubuntu:22.04:LTS").

export interface EcosystemParts {
  /** "Debian" for "Debian:11". */
  base: string;
  /** "11" for "Debian:11"; undefined for a bare ecosystem. */
  release: string | undefined;
}

export function splitEcosystem(ecosystem: string): EcosystemParts {
  const colon = ecosystem.indexOf(":");
  return { base: ecosystemFamily(ecosystem), release: colon < 0 ? undefined : ecosystem.slice(colon + 1) };
}

/**
 * The OSV export folder holding an ecosystem's records: the part before the release suffix
 * (`Debian:11` -> `Debian`), as laid out in the public bucket.
 */
export function exportEcosystem(ecosystem: string): string {
  return splitEcosystem(ecosystem).base;
}

/**
 * Whether a record's `affected[].package.ecosystem` applies to a scanned package's ecosystem.
 * Same base (case-insensitive) and: the same release, or the record names no release (it applies to all
 * releases), or the package names no release (its release is unknown, so every release's advisories apply).
 */
export function ecosystemApplies(recordEcosystem: string, packageEcosystem: string): boolean {
  if (recordEcosystem === packageEcosystem) return true;
  const rec = splitEcosystem(recordEcosystem);
  const pkg = splitEcosystem(packageEcosystem);
  if (rec.base.toLowerCase() !== pkg.base.toLowerCase()) return false;
  if (rec.release === undefined || pkg.release === undefined) return true;
  return rec.release === pkg.release || canonicalRelease(rec.release) === canonicalRelease(pkg.release);
}

/** Debian codenames as OSV writes them (numbers). */
const DEBIAN_CODENAMES: Record<string, string> = {
  stretch: "9",
  buster: "10",
  bullseye: "11",
  bookworm: "12",
  trixie: "13",
  forky: "14",
};

/**
 * Spellings of one release that scanners produce: `3.18` for Alpine's `v3.18`, `bullseye` for
 * Debian's `11`, any case.
 */
function canonicalRelease(release: string): string {
  const r = release.trim().toLowerCase();
  return DEBIAN_CODENAMES[r] ?? r.replace(/^v(?=\d)/, "");
}
