// How many leading layers an image shares with its base image: those layers (and every package they
// introduced) come from the base. Uncompressed diff ids are compared where both configs list them, so a
// base re-compressed by a build tool still counts as the same layers.

export interface LayerIdentity {
  digest: string;
  diffId?: string;
}

export function commonLayerPrefix(image: readonly LayerIdentity[], base: readonly LayerIdentity[]): number {
  let n = 0;
  while (n < image.length && n < base.length) {
    const a = image[n]!;
    const b = base[n]!;
    const same = a.diffId && b.diffId ? a.diffId === b.diffId : a.digest === b.digest;
    if (!same) break;
    n++;
  }
  return n;
}
