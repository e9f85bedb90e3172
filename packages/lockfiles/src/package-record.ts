// One dependency as a lockfile, manifest or SBOM declares it.

export type DependencyScope = "prod" | "dev" | "optional" | "peer";

export interface PackageRecord {
  /** Name normalised as its ecosystem does (PyPI PEP 503, Maven group:artifact, npm with scope). */
  name: string;
  /** Exact version, or undefined when the file does not pin one (then the package is "unresolved"). */
  version?: string;
  /** The requirement as written when there is no exact version (e.g. ">=1.2,<2"). */
  requirement?: string;
  /** OSV ecosystem name: "npm", "PyPI", "crates.io", "Go", "Maven", "NuGet", "RubyGems", "Packagist", "Pub", "Hex", "CRAN", "ConanCenter", "SwiftURL", "Hackage"... */
  ecosystem: string;
  purl?: string;
  /** True for a dependency the project declares itself, false for a transitive one, undefined when the file does not say. */
  direct?: boolean;
  scopes?: DependencyScope[];
  /** Path of the file that declares it, relative to the scan root (forward slashes). */
  file: string;
  /** 1-based line of the declaration in that file, where known. */
  line?: number;
  /** Chain of parent package names from a direct dependency down, where the file records it. */
  parents?: string[];
  /** Source commit for git/VCS dependencies, where known. */
  commit?: string;
}

/** A problem with one file; the rest of the scan goes on. */
export interface ExtractError {
  file: string;
  line?: number;
  message: string;
}

export interface ExtractResult {
  file: string;
  /** Extractor name, e.g. "package-lock.json". */
  format: string;
  packages: PackageRecord[];
  errors: ExtractError[];
}
