// C/C++ conan.lock. Conan 2 (version "0.5") lists references in `requires`, `build_requires` and
// `python_requires`; Conan 1 (version "0.4") has graph_lock.nodes, node "0" being the consumer,
// whose `requires` are the direct dependencies, and every node's `requires` the chains from them.
// Build requirements are tools, marked dev. Conan 2 locks record no graph.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";
import { DeclarationFinder, escapeRegExp } from "./line-index.js";
import { arrayOf, expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import type { JsonObject } from "./json-document.js";
import { purlString } from "./purl-string.js";

/** `name/version[@user/channel][#revision[%timestamp]]` */
export function parseConanReference(
  ref: string,
): { name: string; version: string; revision?: string } | undefined {
  const match = /^([^/@#\s]+)\/([^@#\s]+)(?:@[^#\s]*)?(?:#([^%\s]+))?/.exec(ref);
  if (!match) return undefined;
  return { name: match[1] ?? "", version: match[2] ?? "", revision: match[3] };
}

function nodeRef(node: JsonObject): string | undefined {
  return stringOf(node.ref) ?? stringOf(node.pref)?.split(":")[0];
}

function requiresOf(node: unknown): string[] {
  const n = objectOf(node);
  return [...arrayOf(n.requires), ...arrayOf(n.build_requires)].map(String);
}

/** Conan 1 graph_lock nodes by id, rooted at the consumer node "0"'s requirements. */
export function conanGraphLockGraph(nodes: JsonObject): DependencyGraph {
  const edges = new Map<string, string[]>();
  for (const [id, node] of Object.entries(nodes)) edges.set(id, requiresOf(node));
  const nameOf = (id: string) => {
    const ref = nodeRef(objectOf(nodes[id]));
    return (ref && parseConanReference(ref)?.name) ?? id;
  };
  return { edges, roots: requiresOf(nodes["0"]), nameOf };
}

export const conanLockExtractor: Extractor = {
  name: "conan.lock",
  matches: (path) => path.split("/").pop() === "conan.lock",
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "conan.lock"), "conan.lock");
    const finder = new DeclarationFinder(content);
    const records: PackageRecord[] = [];
    const add = (ref: string, dev: boolean, direct: boolean | undefined, parents?: string[]) => {
      const parsed = parseConanReference(ref);
      const line = finder.find(escapeRegExp(JSON.stringify(ref)));
      if (!parsed) throw new ExtractorError(`conan.lock: malformed reference "${ref}"`, line);
      const record: PackageRecord = {
        name: parsed.name,
        version: parsed.version,
        ecosystem: "ConanCenter",
        purl: purlString({ type: "conan", name: parsed.name, version: parsed.version }),
        scopes: [dev ? "dev" : "prod"],
        file: context.relativePath,
        line,
      };
      if (direct !== undefined) record.direct = direct;
      if (parents && parents.length > 0) record.parents = parents;
      records.push(record);
    };

    const graph = doc.graph_lock;
    if (graph !== undefined) {
      const nodes = objectOf(objectOf(graph).nodes);
      const root = objectOf(nodes["0"]);
      const directIds = new Set(arrayOf(root.requires).map(String));
      const buildIds = new Set(arrayOf(root.build_requires).map(String));
      const lockGraph = conanGraphLockGraph(nodes);
      const chains = chainsFromGraph(lockGraph.edges, lockGraph.roots, lockGraph.nameOf);
      for (const [id, node] of Object.entries(nodes)) {
        if (!isObject(node)) throw new ExtractorError(`conan.lock: node ${id} must be an object`);
        const ref = nodeRef(node);
        if (!ref || id === "0") continue;
        const direct = directIds.has(id) || buildIds.has(id);
        add(ref, buildIds.has(id) || node.context === "build", direct, direct ? undefined : chains.get(id));
      }
      return records;
    }
    for (const [key, dev] of [
      ["requires", false],
      ["build_requires", true],
      ["python_requires", true],
    ] as const) {
      if (doc[key] !== undefined && !Array.isArray(doc[key]))
        throw new ExtractorError(`conan.lock: "${key}" must be an array`);
      for (const ref of arrayOf(doc[key])) {
        if (typeof ref !== "string") throw new ExtractorError(`conan.lock: "${key}" entries must be strings`);
        add(ref, dev, undefined);
      }
    }
    return records;
  },
};
