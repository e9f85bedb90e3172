// CycloneDX's dependency graph (JSON `dependencies[].dependsOn`, XML <dependencies><dependency ref>):
// what the subject (metadata.component) depends on is direct, and the rest of the graph gives each
// component the chain from one of those down. Nodes are bom-refs.
import type { PackageRecord } from "../package-record.js";
import { addEdges, chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";

export interface CycloneDxDependency {
  ref: string;
  dependsOn: string[];
}

export function cycloneDxGraph(
  subject: string | undefined,
  dependencies: readonly CycloneDxDependency[],
  nameOf: (ref: string) => string,
): DependencyGraph {
  const edges = new Map<string, string[]>();
  for (const d of dependencies) addEdges(edges, d.ref, d.dependsOn);
  const roots = subject === undefined ? [] : (edges.get(subject) ?? []);
  return { edges, roots, nameOf };
}

/**
 * Sets `direct` and `parents` on the records (by bom-ref) when the graph says what the subject depends
 * on; leaves them unknown otherwise. `names` gives a name for components that have no record.
 */
export function applyCycloneDxGraph(
  subject: string | undefined,
  dependencies: readonly CycloneDxDependency[],
  recordOf: ReadonlyMap<string, PackageRecord>,
  names: ReadonlyMap<string, string>,
): void {
  if (subject === undefined || !dependencies.some((d) => d.ref === subject)) return;
  const graph = cycloneDxGraph(
    subject,
    dependencies,
    (ref) => recordOf.get(ref)?.name ?? names.get(ref) ?? ref,
  );
  const direct = new Set(graph.roots);
  const chains = chainsFromGraph(graph.edges, graph.roots, graph.nameOf);
  for (const [ref, record] of recordOf) {
    record.direct = direct.has(ref);
    const chain = record.direct ? undefined : chains.get(ref);
    if (chain && chain.length > 0) record.parents = chain;
  }
}
