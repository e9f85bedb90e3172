// Rust Cargo.lock (format versions 1-4): one [[package]] table per crate.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { chainsFromGraph } from "./dependency-chains.js";
import { arrayOf, isObject, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";
import { parseTomlDocument } from "./toml-document.js";

function packageHeaderLines(content: string): number[] {
  const lines: number[] = [];
  content.split("\n").forEach((text, i) => {
    if (/^\s*\[\[package\]\]/.test(text)) lines.push(i + 1);
  });
  return lines;
}

/** A dependency entry is "name", "name version" or (v1) "name version (source)". */
function dependencyKey(entry: string): { name: string; version?: string } {
  const [name = "", version] = entry.trim().split(/\s+/);
  return { name, version };
}

/**
 * Chains from the workspace's direct dependencies down to each crate. A dependency entry names the
 * version only when several versions of the crate are locked, so a bare name means the only one.
 */
function dependencyChains(packages: unknown[]): Map<string, string[]> {
  const versionsOf = new Map<string, string[]>();
  for (const pkg of packages) {
    if (!isObject(pkg)) continue;
    const name = stringOf(pkg.name);
    const version = stringOf(pkg.version);
    if (name && version) versionsOf.set(name, [...(versionsOf.get(name) ?? []), version]);
  }
  const resolve = (entry: string): string | undefined => {
    const { name, version } = dependencyKey(entry);
    const only = versionsOf.get(name);
    const v = version ?? (only?.length === 1 ? only[0] : undefined);
    return v === undefined ? undefined : `${name}@${v}`;
  };
  const edges = new Map<string, string[]>();
  const roots: string[] = [];
  for (const pkg of packages) {
    if (!isObject(pkg)) continue;
    const deps = arrayOf(pkg.dependencies)
      .filter((d): d is string => typeof d === "string")
      .map(resolve)
      .filter((k): k is string => k !== undefined);
    if (pkg.source === undefined) roots.push(...deps);
    else edges.set(`${stringOf(pkg.name)}@${stringOf(pkg.version)}`, deps);
  }
  return chainsFromGraph(edges, roots, (key) => key.slice(0, key.lastIndexOf("@")));
}

export const cargoLockExtractor: Extractor = {
  name: "Cargo.lock",
  matches: (path) => path.split("/").pop() === "Cargo.lock",
  extract(content, context) {
    const doc = parseTomlDocument(content, "Cargo.lock");
    const packages = doc.package === undefined ? [] : doc.package;
    if (!Array.isArray(packages))
      throw new ExtractorError("Cargo.lock: `package` must be an array of tables");
    const headers = packageHeaderLines(content);

    // Crates without a source are the workspace's own members (or path crates): what they depend on is direct.
    const directNames = new Set<string>();
    const directExact = new Set<string>();
    for (const pkg of packages) {
      if (!isObject(pkg) || pkg.source !== undefined) continue;
      for (const dep of arrayOf(pkg.dependencies)) {
        if (typeof dep !== "string") continue;
        const { name, version } = dependencyKey(dep);
        if (version) directExact.add(`${name}@${version}`);
        else directNames.add(name);
      }
    }
    const chains = dependencyChains(packages);

    const records: PackageRecord[] = [];
    packages.forEach((pkg, i) => {
      const line = headers[i];
      if (!isObject(pkg)) throw new ExtractorError("Cargo.lock: [[package]] entry is not a table", line);
      const name = stringOf(pkg.name);
      const version = stringOf(pkg.version);
      if (!name || !version)
        throw new ExtractorError("Cargo.lock: [[package]] without name or version", line);
      const source = stringOf(pkg.source);
      if (source === undefined) return; // workspace member or path crate: not from a registry
      const record: PackageRecord = {
        name,
        version,
        ecosystem: "crates.io",
        purl: purlString({ type: "cargo", name, version }),
        direct: directNames.has(name) || directExact.has(`${name}@${version}`),
        file: context.relativePath,
        line,
      };
      const chain = record.direct ? undefined : chains.get(`${name}@${version}`);
      if (chain && chain.length > 0) record.parents = chain;
      if (source.startsWith("git+")) {
        const commit = source.split("#")[1];
        if (commit) record.commit = commit;
      }
      records.push(record);
    });
    return records;
  },
};
