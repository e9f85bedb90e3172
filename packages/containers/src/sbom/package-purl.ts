// A package URL for a package that its inventory gave none (language packages from formats that do not
// name one). Types per the purl spec's registered types; ecosystems without one get none.
import type { ImagePackage } from "../inventory/image-package.js";

const TYPES: Record<string, string> = {
  npm: "npm",
  PyPI: "pypi",
  Go: "golang",
  "crates.io": "cargo",
  RubyGems: "gem",
  Packagist: "composer",
  NuGet: "nuget",
  Maven: "maven",
  Hex: "hex",
  Pub: "pub",
  Hackage: "hackage",
  CRAN: "cran",
  SwiftURL: "swift",
  ConanCenter: "conan",
};

/** Encodes one purl path segment (names may hold "/" only as a namespace separator, handled by the caller). */
function segment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ":");
}

export function packagePurl(p: ImagePackage): string | undefined {
  if (p.purl) return p.purl;
  const type = TYPES[p.ecosystem];
  if (!type) return undefined;
  let name = p.name;
  let namespace: string | undefined;
  if (type === "maven" && name.includes(":")) [namespace, name] = name.split(":", 2) as [string, string];
  else if (name.includes("/")) {
    const at = name.lastIndexOf("/");
    namespace = name.slice(0, at);
    name = name.slice(at + 1);
  }
  if (type === "pypi") name = name.toLowerCase().replace(/[-_.]+/g, "-");
  const ns = namespace ? `${namespace.split("/").map(segment).join("/")}/` : "";
  return `pkg:${type}/${ns}${segment(name)}@${segment(p.version)}`;
}
