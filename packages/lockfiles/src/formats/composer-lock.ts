// PHP composer.lock: `packages` (production) and `packages-dev`. Composer keeps a release's tag as its
// version ("v1.2.3"); OSV's Packagist ranges use the bare number, so a "v" before a digit is dropped.
// Which packages are direct comes from composer.json beside the lock, when it is there; each package's
// `require` then gives the chain from a direct one down.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";
import { DeclarationFinder } from "./line-index.js";
import { arrayOf, expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import type { JsonObject } from "./json-document.js";
import { purlString } from "./purl-string.js";

export function packagistVersion(version: string): string {
  return version.replace(/^v(?=\d)/, "");
}

/** The names composer.json requires (prod, then dev), lowercased; undefined without a readable one. */
export function composerJsonRoots(manifest: string | undefined): string[] | undefined {
  if (manifest === undefined) return undefined;
  try {
    const json = objectOf(JSON.parse(manifest) as unknown);
    return [...Object.keys(objectOf(json.require)), ...Object.keys(objectOf(json["require-dev"]))].map((n) =>
      n.toLowerCase(),
    );
  } catch {
    return undefined; // composer.json is its own file; its faults are not this lock's
  }
}

/** What each locked package requires (platform requirements such as php and ext-* lead nowhere). */
export function composerLockGraph(doc: JsonObject, roots: string[]): DependencyGraph {
  const edges = new Map<string, string[]>();
  for (const pkg of [...arrayOf(doc.packages), ...arrayOf(doc["packages-dev"])]) {
    const name = isObject(pkg) ? stringOf(pkg.name) : undefined;
    if (!isObject(pkg) || !name) continue;
    edges.set(
      name.toLowerCase(),
      Object.keys(objectOf(pkg.require)).map((n) => n.toLowerCase()),
    );
  }
  return { edges, roots, nameOf: (name) => name };
}

function composerChains(doc: JsonObject, roots: string[]): Map<string, string[]> {
  const graph = composerLockGraph(doc, roots);
  return chainsFromGraph(graph.edges, graph.roots, graph.nameOf);
}

export const composerLockExtractor: Extractor = {
  name: "composer.lock",
  matches: (path) => path.split("/").pop() === "composer.lock",
  async extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "composer.lock"), "composer.lock");
    const finder = new DeclarationFinder(content);
    const roots = composerJsonRoots(await context.readSibling("composer.json"));
    const direct = roots && new Set(roots);
    const chains = roots && composerChains(doc, roots);
    const records: PackageRecord[] = [];
    for (const [key, dev] of [
      ["packages", false],
      ["packages-dev", true],
    ] as const) {
      if (doc[key] !== undefined && doc[key] !== null && !Array.isArray(doc[key]))
        throw new ExtractorError(`composer.lock: "${key}" must be an array`);
      for (const pkg of arrayOf(doc[key])) {
        const name = isObject(pkg) ? stringOf(pkg.name) : undefined;
        const version = isObject(pkg) ? stringOf(pkg.version) : undefined;
        if (!isObject(pkg) || !name || !version)
          throw new ExtractorError(`composer.lock: an entry of "${key}" has no name or version`);
        const normalised = name.toLowerCase();
        const record: PackageRecord = {
          name: normalised,
          version: packagistVersion(version),
          ecosystem: "Packagist",
          purl: purlString({
            type: "composer",
            namespace: normalised.includes("/") ? normalised.split("/")[0] : undefined,
            name: normalised.split("/").pop() ?? normalised,
            version: packagistVersion(version),
          }),
          scopes: [dev ? "dev" : "prod"],
          file: context.relativePath,
          line: finder.jsonPair("name", name),
        };
        if (direct) record.direct = direct.has(normalised);
        const chain = record.direct === false ? chains?.get(normalised) : undefined;
        if (chain && chain.length > 0) record.parents = chain;
        const reference = stringOf(objectOf(pkg.source).reference);
        if (reference && /^[0-9a-f]{40}$/.test(reference) && version.startsWith("dev-"))
          record.commit = reference;
        records.push(record);
      }
    }
    return records;
  },
};
