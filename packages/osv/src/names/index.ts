/**
 * Package-name normalisation for matching: a lockfile's spelling and an OSV record's spelling of the
 * same package map to the same key. Each rule follows the registry's own notion of "the same name".
 *
 * - PyPI: PEP 503 (lowercase, runs of `-`, `_`, `.` become one `-`).
 * - npm: lowercase, scopes kept (`@Scope/Name` -> `@scope/name`). New npm names must be lowercase;
 *   the few legacy mixed-case names cannot collide with a lowercase twin in practice.
 * - crates.io: lowercase with `_` read as `-`. crates.io refuses a crate whose name differs from an
 *   existing one only by case or by `-`/`_`, so both spellings always mean the same crate.
 * - NuGet, Packagist: lowercase (both registries are case-insensitive).
 * - SwiftURL: scheme, trailing `/` and `.git` dropped, host lowercased (`https://GitHub.com/a/b.git` ->
 *   `github.com/a/b`); the path keeps its case.
 * - Maven (`group:artifact`, case-sensitive), Go module paths, RubyGems, Hex, Pub, CRAN, Hackage and
 *   every OS ecosystem: as written, trimmed (Maven also loses spaces around the colon).
 */
import { ecosystemFamily } from "../versions/ecosystem-family.js";

function pep503(name: string): string {
  let out = "";
  let inRun = false;
  for (const ch of name.toLowerCase()) {
    if (ch === "-" || ch === "_" || ch === ".") {
      if (!inRun) out += "-";
      inRun = true;
    } else {
      out += ch;
      inRun = false;
    }
  }
  return out;
}

function swiftUrl(name: string): string {
  let s = name.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^git@([^:]+):/, "$1/");
  while (s.endsWith("/")) s = s.slice(0, -1);
  if (s.toLowerCase().endsWith(".git")) s = s.slice(0, -4);
  const slash = s.indexOf("/");
  return slash < 0 ? s.toLowerCase() : s.slice(0, slash).toLowerCase() + s.slice(slash);
}

/** The key under which a package of this ecosystem is matched. */
export function normalizePackageName(ecosystem: string, name: string): string {
  const n = name.trim();
  switch (ecosystemFamily(ecosystem).toLowerCase()) {
    case "pypi":
      return pep503(n);
    case "npm":
    case "nuget":
    case "packagist":
      return n.toLowerCase();
    case "crates.io":
      return n.toLowerCase().replaceAll("_", "-");
    case "swifturl":
      return swiftUrl(n);
    case "maven":
      return n.replace(/\s*:\s*/g, ":");
    default:
      return n;
  }
}
