import type { PackageQuery } from "./osv-record.js";

/** The key results are filed under for one queried package: `ecosystem/name@version#commit`. */
export function packageKey(pkg: PackageQuery): string {
  return `${pkg.ecosystem}/${pkg.name}@${pkg.version ?? ""}#${pkg.commit ?? ""}`;
}
