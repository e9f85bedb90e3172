// The dependency graph of a Python lockfile whose [[package]] tables name their own dependencies
// (poetry.lock, pdm.lock), rooted at what pyproject.toml declares. Nodes are PEP 503 names: these
// lockfiles hold one version per name (per environment marker), so a name is a package.
import { normalizePythonName } from "../purl.js";
import { addEdges, chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";
import { isObject, stringOf, type JsonObject } from "./json-document.js";
import type { PythonRoots } from "./pyproject-roots.js";

export function pythonLockGraph(
  packages: readonly unknown[],
  dependencyNames: (pkg: JsonObject) => string[],
  roots: PythonRoots,
): DependencyGraph {
  const edges = new Map<string, string[]>();
  for (const pkg of packages) {
    const name = isObject(pkg) ? stringOf(pkg.name) : undefined;
    if (!isObject(pkg) || !name) continue;
    addEdges(edges, normalizePythonName(name), dependencyNames(pkg).map(normalizePythonName));
  }
  return { edges, roots: [...roots.prod, ...roots.dev], nameOf: (name) => name };
}

/** Chains by PEP 503 name; empty without pyproject.toml, since then nothing says which are direct. */
export function pythonLockChains(
  packages: readonly unknown[],
  dependencyNames: (pkg: JsonObject) => string[],
  roots: PythonRoots | undefined,
): Map<string, string[]> {
  if (!roots) return new Map();
  const graph = pythonLockGraph(packages, dependencyNames, roots);
  return chainsFromGraph(graph.edges, graph.roots, graph.nameOf);
}
