// The `vulnerable-packages` output: every vulnerable package version once, with its ids, the fixed
// versions they name and the files that hold it, in a stable order.
import type { Finding } from "@bulwark/core";

/** The `vulnerable-packages` output: one entry per vulnerable package version, sorted. */
export interface VulnerablePackage {
  ecosystem: string;
  name: string;
  version: string;
  ids: string[];
  /** Fixed versions its vulnerabilities name (empty when none has a fix). */
  fixedVersions: string[];
  files: string[];
}

export function vulnerablePackages(findings: readonly Finding[]): VulnerablePackage[] {
  const map = new Map<string, VulnerablePackage>();
  for (const f of findings) {
    const p = f.package!;
    const key = `${p.ecosystem}\u0000${p.name}\u0000${p.version}`;
    const entry = map.get(key) ?? {
      ecosystem: p.ecosystem ?? "",
      name: p.name,
      version: p.version ?? "",
      ids: [],
      fixedVersions: [],
      files: [],
    };
    if (!entry.ids.includes(f.ruleId)) entry.ids.push(f.ruleId);
    const fixed = f.properties?.fixedVersion;
    if (typeof fixed === "string" && !entry.fixedVersions.includes(fixed)) entry.fixedVersions.push(fixed);
    if (f.location && !entry.files.includes(f.location.path)) entry.files.push(f.location.path);
    map.set(key, entry);
  }
  return [...map.values()]
    .map((e) => ({ ...e, ids: e.ids.sort(), fixedVersions: e.fixedVersions.sort(), files: e.files.sort() }))
    .sort((a, b) =>
      a.ecosystem !== b.ecosystem
        ? cmp(a.ecosystem, b.ecosystem)
        : a.name !== b.name
          ? cmp(a.name, b.name)
          : cmp(a.version, b.version),
    );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
