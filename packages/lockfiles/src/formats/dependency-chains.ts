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
