// Lockfiles that record a dependency graph but no per-package dev flag: a package is "prod" when a
// production root reaches it, "dev" when only development roots do.
import type { DependencyScope } from "../package-record.js";

export function scopesFromGraph(
  edges: ReadonlyMap<string, readonly string[]>,
  prodRoots: Iterable<string>,
  devRoots: Iterable<string>,
): Map<string, DependencyScope> {
  const scopes = new Map<string, DependencyScope>();
  const visit = (roots: Iterable<string>, scope: DependencyScope): void => {
    const queue = [...roots].filter((id) => !scopes.has(id));
    for (const id of queue) scopes.set(id, scope);
    while (queue.length > 0) {
      const id = queue.pop() ?? "";
      for (const next of edges.get(id) ?? []) {
        if (scopes.has(next)) continue;
        scopes.set(next, scope);
        queue.push(next);
      }
    }
  };
  visit(prodRoots, "prod");
  visit(devRoots, "dev");
  return scopes;
}
