// .NET *.deps.json (written next to a built app): `libraries` keyed "Name/Version"; type "package"
// entries came from NuGet, "project" and "reference" ones did not. The runtime target's entries name
// their dependencies: the app's own (its first project entry) are the direct ones, and the rest of
// that graph gives the chains.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";
import { DeclarationFinder } from "./line-index.js";
import { expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import type { JsonObject } from "./json-document.js";
import { purlString } from "./purl-string.js";

/** The runtime target's graph of "Name/Version" keys, rooted at the app's dependencies (none without an app). */
export function depsJsonGraph(doc: JsonObject): DependencyGraph {
  const targets = objectOf(doc.targets);
  const targetName = stringOf(objectOf(doc.runtimeTarget).name) ?? Object.keys(targets)[0];
  const target = objectOf(targetName === undefined ? undefined : targets[targetName]);
  const libraries = objectOf(doc.libraries);
  const edges = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(target)) {
    const deps = Object.entries(objectOf(objectOf(entry).dependencies));
    edges.set(
      key,
      deps.map(([name, version]) => `${name}/${String(version)}`),
    );
  }
  const app = Object.keys(target).find((key) => objectOf(libraries[key]).type === "project");
  return {
    edges,
    roots: app === undefined ? [] : (edges.get(app) ?? []),
    nameOf: (key) => key.slice(0, key.lastIndexOf("/")),
  };
}

export const dotnetDepsJsonExtractor: Extractor = {
  name: "deps.json",
  matches: (path) => path.endsWith(".deps.json"),
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "deps.json"), "deps.json");
    const libraries = doc.libraries ?? {};
    if (!isObject(libraries)) throw new ExtractorError('deps.json: "libraries" must be an object');
    const finder = new DeclarationFinder(content);
    finder.jsonObjectKey("libraries");
    const graph = depsJsonGraph(doc);
    const direct = graph.roots.length > 0 ? new Set(graph.roots) : undefined;
    const chains = chainsFromGraph(graph.edges, graph.roots, graph.nameOf);
    const records: PackageRecord[] = [];
    for (const [key, entry] of Object.entries(libraries)) {
      const line = finder.jsonObjectKey(key);
      if (!isObject(entry)) throw new ExtractorError(`deps.json: library ${key} must be an object`, line);
      if (stringOf(entry.type) !== "package") continue;
      const slash = key.lastIndexOf("/");
      if (slash <= 0 || slash === key.length - 1)
        throw new ExtractorError(`deps.json: library key "${key}" must read Name/Version`, line);
      const name = key.slice(0, slash);
      const version = key.slice(slash + 1);
      const record: PackageRecord = {
        name,
        version,
        ecosystem: "NuGet",
        purl: purlString({ type: "nuget", name, version }),
        file: context.relativePath,
        line,
      };
      if (direct) record.direct = direct.has(key);
      const chain = record.direct === false ? chains.get(key) : undefined;
      if (chain && chain.length > 0) record.parents = chain;
      records.push(record);
    }
    return records;
  },
};
