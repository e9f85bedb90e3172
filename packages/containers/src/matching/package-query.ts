// What a distribution's advisories are filed against: the source package (Debian's `Source:`, Alpine's
// origin) at its source version. Language packages are queried as they are.
import type { PackageQuery } from "@bulwark/osv";
import type { ImagePackage } from "../inventory/image-package.js";

export function packageQuery(p: ImagePackage): PackageQuery {
  return {
    ecosystem: p.ecosystem,
    name: p.sourceName ?? p.name,
    version: p.sourceVersion ?? p.version,
  };
}
