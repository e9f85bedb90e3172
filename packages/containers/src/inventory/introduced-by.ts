// Which layer introduced each package: walk the versions of a package database layer by layer; a package
// is introduced by the first layer from which on it is present at its final version.

export interface Snapshot<P> {
  layerIndex: number;
  packages: P[];
}

/** Maps each package key of the last snapshot to the layer index that introduced it. */
export function introducingLayers<P>(
  snapshots: Snapshot<P>[],
  key: (p: P) => string,
  version: (p: P) => string,
): Map<string, number> {
  const current = new Map<string, { version: string; layerIndex: number }>();
  for (const snapshot of snapshots) {
    const seen = new Set<string>();
    for (const p of snapshot.packages) {
      const k = key(p);
      seen.add(k);
      const before = current.get(k);
      if (!before || before.version !== version(p))
        current.set(k, { version: version(p), layerIndex: snapshot.layerIndex });
    }
    for (const k of [...current.keys()]) if (!seen.has(k)) current.delete(k);
  }
  return new Map([...current].map(([k, v]) => [k, v.layerIndex]));
}
