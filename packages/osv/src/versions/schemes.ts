// Which ordering each OSV ecosystem uses (ecosystem names as listed in the OSV schema).
import type { VersionScheme } from "./scheme.js";
import { semverScheme } from "./semver.js";
import { pep440Scheme } from "./pep440.js";
import { dpkgScheme } from "./dpkg.js";
import { apkScheme } from "./apk.js";
import { rpmScheme } from "./rpm.js";
import { gemScheme } from "./rubygems.js";
import { mavenScheme } from "./maven.js";
import { composerScheme } from "./composer.js";
import { numericScheme } from "./numeric.js";
import { genericScheme } from "./generic.js";

const semver = semverScheme("SemVer");
/** SemVer precedence, with build metadata as the final tie-breaker (see SemverOptions.orderBuild). */
const semverBuild = semverScheme("SemVer+build", { orderBuild: true });
const nuget = semverScheme("NuGet", { caseInsensitive: true });
const cran = numericScheme("CRAN", /[.-]/);
const haskell = numericScheme("Haskell", /\./);

/** Scheme per ecosystem family; keys are the OSV spellings. */
export const ECOSYSTEM_SCHEMES = {
  SEMVER: semverBuild,
  npm: semver,
  "crates.io": semverBuild,
  Go: semver,
  Hex: semver,
  SwiftURL: semver,
  Bitnami: semver,
  Julia: semverBuild,
  "GitHub Actions": semver,
  Pub: semverBuild,
  NuGet: nuget,
  PyPI: pep440Scheme,
  RubyGems: gemScheme,
  Maven: mavenScheme,
  Packagist: composerScheme,
  CRAN: cran,
  Hackage: haskell,
  GHC: haskell,
  Debian: dpkgScheme,
  Ubuntu: dpkgScheme,
  Echo: dpkgScheme,
  Alpine: apkScheme,
  Wolfi: apkScheme,
  Chainguard: apkScheme,
  MinimOS: apkScheme,
  CleanStart: apkScheme,
  "Red Hat": rpmScheme,
  "Rocky Linux": rpmScheme,
  AlmaLinux: rpmScheme,
  openSUSE: rpmScheme,
  SUSE: rpmScheme,
  Mageia: rpmScheme,
  openEuler: rpmScheme,
  "Photon OS": rpmScheme,
  "Azure Linux": rpmScheme,
} as unknown as Readonly<Record<string, VersionScheme<unknown>>>;

const byLowerName = new Map<string, VersionScheme<unknown>>(
  Object.entries(ECOSYSTEM_SCHEMES).map(([k, v]) => [k.toLowerCase(), v]),
);

/** The scheme for an ecosystem family (case-insensitive), or the generic fallback. */
export function schemeForFamily(family: string): VersionScheme<unknown> {
  return byLowerName.get(family.toLowerCase()) ?? (genericScheme as VersionScheme<unknown>);
}
