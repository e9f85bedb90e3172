// Rust Cargo.lock (format versions 1-4): one [[package]] table per crate.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
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
      if (source.startsWith("git+")) {
        const commit = source.split("#")[1];
        if (commit) record.commit = commit;
      }
      records.push(record);
    });
    return records;
  },
};
