// From a package URL to the OSV ecosystem, name and version OSV expects for it. Types OSV has no
// ecosystem for (generic, oci, github, conda...) give undefined.
import type { ParsedPurl } from "./purl-parse.js";

export interface OsvPackage {
  ecosystem: string;
  name: string;
  version?: string;
}

const DEBIAN_CODENAMES: Record<string, string> = {
  jessie: "8",
  stretch: "9",
  buster: "10",
  bullseye: "11",
  bookworm: "12",
  trixie: "13",
  forky: "14",
};

/** distro qualifiers read "debian-12", "debian-11.6", "bookworm", "ubuntu-22.04", "alpine-3.18.4", "3.16.3", "rocky-8.7". */
function distroRelease(distro: string | undefined): string | undefined {
  if (!distro) return undefined;
  const codename = DEBIAN_CODENAMES[distro.toLowerCase()];
  if (codename) return codename;
  const match = /(\d+(?:\.\d+)*)$/.exec(distro);
  return match?.[1];
}

function withRelease(base: string, release: string | undefined): string {
  return release ? `${base}:${release}` : base;
}

function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** The source package a distribution's advisories name: `upstream=` qualifier (its name part) or the binary name. */
function sourcePackage(purl: ParsedPurl): string {
  const upstream = purl.qualifiers.upstream?.trim();
  if (!upstream) return purl.name;
  return upstream.split(/[@\s(]/)[0] || purl.name;
}

function osPackage(purl: ParsedPurl): OsvPackage | undefined {
  const vendor = (purl.namespace ?? "").toLowerCase();
  const release = distroRelease(purl.qualifiers.distro);
  const name = sourcePackage(purl);
  let version = purl.version;
  const epoch = purl.qualifiers.epoch;
  if (version && epoch && epoch !== "0" && !version.includes(":")) version = `${epoch}:${version}`;
  if (purl.type === "deb") {
    if (vendor === "debian")
      return { ecosystem: withRelease("Debian", release?.split(".")[0]), name, version };
    if (vendor === "ubuntu") {
      if (!release) return { ecosystem: "Ubuntu", name, version };
      const [yy = "", mm = ""] = release.split(".");
      const lts = mm === "04" && Number(yy) % 2 === 0;
      return { ecosystem: `Ubuntu:${yy}.${mm}${lts ? ":LTS" : ""}`, name, version };
    }
    return undefined;
  }
  if (purl.type === "apk") {
    if (vendor !== "alpine" && vendor !== "alpinelinux") return undefined;
    const minor = release?.split(".").slice(0, 2).join(".");
    return { ecosystem: minor ? `Alpine:v${minor}` : "Alpine", name, version };
  }
  if (purl.type === "rpm") {
    // RPM advisories name binary packages; `upstream` there is a source RPM file name.
    const name = purl.name;
    const major = release?.split(".")[0];
    if (vendor === "almalinux") return { ecosystem: withRelease("AlmaLinux", major), name, version };
    if (vendor === "rocky" || vendor === "rockylinux")
      return { ecosystem: withRelease("Rocky Linux", major), name, version };
    if (vendor === "redhat" || vendor === "rhel") return { ecosystem: "Red Hat", name, version };
    if (vendor === "opensuse") return { ecosystem: "openSUSE", name, version };
    if (vendor === "suse") return { ecosystem: "SUSE", name, version };
    return undefined;
  }
  return undefined;
}

export function osvPackageOf(purl: ParsedPurl): OsvPackage | undefined {
  const { namespace, name, version } = purl;
  const joined = (sep: string) => (namespace ? `${namespace}${sep}${name}` : name);
  switch (purl.type) {
    case "npm":
      return { ecosystem: "npm", name: joined("/"), version };
    case "pypi":
      return { ecosystem: "PyPI", name: pep503(name), version };
    case "maven":
      return namespace ? { ecosystem: "Maven", name: joined(":"), version } : undefined;
    case "golang":
      // cyclonedx-gomod lists a module's packages (type=package) under it; OSV names modules.
      if (purl.qualifiers.type === "package") return undefined;
      return { ecosystem: "Go", name: joined("/"), version: version?.replace(/^v/, "") };
    case "cargo":
      return { ecosystem: "crates.io", name, version };
    case "gem":
      return { ecosystem: "RubyGems", name, version };
    case "composer":
      return {
        ecosystem: "Packagist",
        name: joined("/").toLowerCase(),
        version: version?.replace(/^v(?=\d)/, ""),
      };
    case "nuget":
      return { ecosystem: "NuGet", name, version };
    case "pub":
      return { ecosystem: "Pub", name: name.toLowerCase(), version };
    case "hex":
      return { ecosystem: "Hex", name: name.toLowerCase(), version };
    case "hackage":
      return { ecosystem: "Hackage", name, version };
    case "cran":
      return { ecosystem: "CRAN", name, version };
    case "bioconductor":
      return { ecosystem: "Bioconductor", name, version };
    case "conan":
      return { ecosystem: "ConanCenter", name, version };
    case "swift":
      return namespace ? { ecosystem: "SwiftURL", name: joined("/"), version } : undefined;
    case "julia":
      return { ecosystem: "Julia", name, version };
    case "bitnami":
      return { ecosystem: "Bitnami", name, version };
    case "githubactions":
      return namespace ? { ecosystem: "GitHub Actions", name: joined("/"), version } : undefined;
    case "deb":
    case "apk":
    case "rpm":
      return osPackage(purl);
    default:
      return undefined;
  }
}
