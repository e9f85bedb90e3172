// NuGet packages.lock.json: per target framework, packages typed Direct, Transitive or
// CentralTransitive (and Project for project references, which are not packages). A package locked
// for several frameworks is reported once; direct if any framework references it directly. Each entry's
// `dependencies` give the chains, over all frameworks at once, from the Direct packages and project
// references down.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { addEdges, chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";
import { DeclarationFinder } from "./line-index.js";
import { expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import type { JsonObject } from "./json-document.js";
import { purlString } from "./purl-string.js";

/** NuGet names are case-insensitive: nodes are lowercased names, shown as the file first spells them. */
function packagesLockGraph(frameworks: JsonObject): DependencyGraph {
  const edges = new Map<string, string[]>();
  const roots: string[] = [];
  const spelling = new Map<string, string>();
  for (const packages of Object.values(frameworks)) {
    for (const [name, entry] of Object.entries(objectOf(packages))) {
      const node = name.toLowerCase();
      if (!spelling.has(node)) spelling.set(node, name);
      if (!isObject(entry)) continue;
      const type = stringOf(entry.type);
      if (type === "Direct" || type === "Project") roots.push(node);
      addEdges(
        edges,
        node,
        Object.keys(objectOf(entry.dependencies)).map((d) => d.toLowerCase()),
      );
    }
  }
  return { edges, roots, nameOf: (node) => spelling.get(node) ?? node };
}

/** The dependency graph packages.lock.json records (for tests; the extractor builds it itself). */
export function nugetPackagesLockGraph(content: string): DependencyGraph {
  return packagesLockGraph(objectOf(objectOf(JSON.parse(content) as unknown).dependencies));
}

export const nugetPackagesLockExtractor: Extractor = {
  name: "packages.lock.json",
  matches: (path) => path.split("/").pop() === "packages.lock.json",
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "packages.lock.json"), "packages.lock.json");
    const frameworks = doc.dependencies ?? {};
    if (!isObject(frameworks))
      throw new ExtractorError('packages.lock.json: "dependencies" must be an object');
    const finder = new DeclarationFinder(content);
    const graph = packagesLockGraph(frameworks);
    const chains = chainsFromGraph(graph.edges, graph.roots, graph.nameOf);
    const byKey = new Map<string, PackageRecord>();
    for (const [framework, packages] of Object.entries(frameworks)) {
      finder.jsonObjectKey(framework);
      if (!isObject(packages))
        throw new ExtractorError(`packages.lock.json: framework ${framework} must be an object`);
      for (const [name, entry] of Object.entries(packages)) {
        const line = finder.jsonObjectKey(name);
        if (!isObject(entry)) throw new ExtractorError(`packages.lock.json: ${name} must be an object`, line);
        const type = stringOf(entry.type);
        if (type === "Project") continue;
        const version = stringOf(entry.resolved);
        if (!version) throw new ExtractorError(`packages.lock.json: ${name} has no resolved version`, line);
        const direct = type === "Direct";
        const key = `${name.toLowerCase()}@${version.toLowerCase()}`;
        const seen = byKey.get(key);
        if (seen) {
          seen.direct = seen.direct || direct;
          continue;
        }
        byKey.set(key, {
          name,
          version,
          ecosystem: "NuGet",
          purl: purlString({ type: "nuget", name, version }),
          direct,
          file: context.relativePath,
          line,
        });
      }
    }
    const records = [...byKey.values()];
    for (const record of records) {
      const chain = record.direct ? undefined : chains.get(record.name.toLowerCase());
      if (chain && chain.length > 0) record.parents = chain;
    }
    return records;
  },
};
