// Package URLs per ecosystem, following the purl spec's type rules (github.com/package-url/purl-spec):
// which part is the namespace, and how each type normalises names.
import { purlString } from "./formats/purl-string.js";

/** PEP 503 normalised Python project name: lowercase, runs of - _ . become one -. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

function splitLast(name: string, separator: string): { namespace?: string; name: string } {
  const at = name.lastIndexOf(separator);
  return at > 0 ? { namespace: name.slice(0, at), name: name.slice(at + 1) } : { name };
}

/**
 * The purl of a package given its OSV ecosystem, or undefined for ecosystems with no purl type.
 * `qualifiers` are appended as given (e.g. vcs_url for git sources).
 */
export function packagePurl(
  ecosystem: string,
  name: string,
  version?: string,
  qualifiers?: Record<string, string>,
): string | undefined {
  const base = ecosystem.split(":")[0];
  switch (base) {
    case "npm": {
      // @scope/name: the scope (with its @, encoded as %40) is the namespace.
      const parts = name.startsWith("@") ? splitLast(name, "/") : { name };
      return purlString({ type: "npm", ...parts, version, qualifiers });
    }
    case "PyPI":
      return purlString({ type: "pypi", name: normalizePythonName(name), version, qualifiers });
    case "crates.io":
      return purlString({ type: "cargo", name, version, qualifiers });
    case "Go":
      return purlString({ type: "golang", ...splitLast(name, "/"), version, qualifiers });
    case "Maven":
      return purlString({ type: "maven", ...splitLast(name, ":"), version, qualifiers });
    case "NuGet":
      return purlString({ type: "nuget", name, version, qualifiers });
    case "RubyGems":
      return purlString({ type: "gem", name, version, qualifiers });
    case "Packagist":
      return purlString({ type: "composer", ...splitLast(name.toLowerCase(), "/"), version, qualifiers });
    case "Pub":
      return purlString({ type: "pub", name: name.toLowerCase(), version, qualifiers });
    case "Hex":
      return purlString({ type: "hex", name: name.toLowerCase(), version, qualifiers });
    case "CRAN":
      return purlString({ type: "cran", name, version, qualifiers });
    case "ConanCenter":
      return purlString({ type: "conan", name, version, qualifiers });
    case "SwiftURL":
      return purlString({ type: "swift", ...splitLast(name, "/"), version, qualifiers });
    case "Hackage":
      return purlString({ type: "hackage", name, version, qualifiers });
    default:
      return undefined;
  }
}
