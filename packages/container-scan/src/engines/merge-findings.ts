// Findings of several engines on one image, merged: two findings are the same when they name the same
// package (binary or source name) and share an identifier (ids and aliases, CVEs a DSA relates to
// included). The first engine's finding is kept; properties.engines lists every engine that found it.
import type { Finding } from "@bulwark/core";

function names(f: Finding): string[] {
  const binaries = Array.isArray(f.properties?.binaryPackages)
    ? (f.properties.binaryPackages as string[])
    : [];
  return [f.package?.name ?? "", ...binaries].filter(Boolean);
}

function identifiers(f: Finding): string[] {
  const related = Array.isArray(f.properties?.related) ? (f.properties.related as string[]) : [];
  return [f.ruleId, ...(f.ids ?? []), ...(f.aliases ?? []), ...related];
}

function engines(f: Finding): string[] {
  return Array.isArray(f.properties?.engines) ? (f.properties.engines as string[]) : ["builtin"];
}

export function mergeEngineFindings(lists: readonly Finding[][]): Finding[] {
  const merged: Finding[] = [];
  const index = new Map<string, Finding>();
  for (const list of lists) {
    for (const f of list) {
      const keys = names(f).flatMap((n) => identifiers(f).map((id) => `${n}\u0000${id}`));
      const same = keys.map((k) => index.get(k)).find(Boolean);
      if (same) {
        const all = [...new Set([...engines(same), ...engines(f)])];
        same.properties = { ...same.properties, engines: all };
        continue;
      }
      const kept = { ...f, properties: { ...f.properties, engines: engines(f) } };
      merged.push(kept);
      for (const k of keys) index.set(k, kept);
    }
  }
  return merged;
}
