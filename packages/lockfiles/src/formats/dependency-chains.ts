// Through which direct dependency a transitive package comes: breadth first from the direct
// dependencies over the lockfile's graph, so each package gets the shortest chain that reaches it
// (ties go to the roots' order, then to each package's dependency order).

/** Node -> the names from a direct dependency down to its parent (empty for the roots themselves). */
export function chainsFromGraph(
  edges: ReadonlyMap<string, readonly string[]>,
  roots: Iterable<string>,
  nameOf: (node: string) => string,
): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const queue: string[] = [];
  for (const root of roots) {
    if (chains.has(root)) continue;
    chains.set(root, []);
    queue.push(root);
  }
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    const down = [...chains.get(node)!, nameOf(node)];
    for (const next of edges.get(node) ?? []) {
      if (chains.has(next)) continue;
      chains.set(next, down);
      queue.push(next);
    }
  }
  return chains;
}

/** The graph a lockfile records, as the extractors hand it to chainsFromGraph (and tests check it). */
export interface DependencyGraph {
  /** Node -> the nodes it depends on, in the file's order. */
  edges: Map<string, string[]>;
  /** The direct dependencies (or the project's own packages that declare them), in the file's order. */
  roots: string[];
  /** The package name a node stands for. */
  nameOf: (node: string) => string;
}

/** Adds node -> dependencies to a graph, after any it already has (a package listed once per platform). */
export function addEdges(edges: Map<string, string[]>, node: string, dependencies: readonly string[]): void {
  const known = edges.get(node);
  if (known) known.push(...dependencies);
  else edges.set(node, [...dependencies]);
}
