// One measured scan in its own process (so peak RSS is the scan's, not the bench setup's), run by
// registry.ts: scans the given images from the registry with one shared layer cache, counting blob
// fetches per digest, and prints one JSON line.
import { readFileSync } from "node:fs";
import {
  LayerCache,
  parseImageReference,
  RegistryClient,
  registryImageSource,
  scanImage,
} from "../src/index.js";
import type { ImageReference } from "../src/index.js";

class CountingClient extends RegistryClient {
  readonly fetches = new Map<string, number>();
  override async openBlob(ref: ImageReference, digest: string) {
    this.fetches.set(digest, (this.fetches.get(digest) ?? 0) + 1);
    return super.openBlob(ref, digest);
  }
}

/**
 * VmHWM, the peak resident set of this process's memory since exec. Not resourceUsage().maxRSS: Linux
 * carries that over from the parent at fork, and the parent holds the pushed layers.
 */
function peakRssMb(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : Math.round(process.resourceUsage().maxRSS / 1024);
}

const [mode, cacheDir, ...images] = process.argv.slice(2);
const client = new CountingClient({ dockerConfig: false });
const cache = new LayerCache(cacheDir && cacheDir !== "-" ? cacheDir : undefined);
const scanAll = () =>
  Promise.all(
    images.map(async (image) =>
      scanImage(await registryImageSource(client, parseImageReference(image), { cache }), { cache }),
    ),
  );
const start = performance.now();
let inventories = await scanAll();
let ms = performance.now() - start;
if (mode === "warm") {
  // The same images again in this process: every layer comes from the parsed-layer cache.
  const again = performance.now();
  inventories = await scanAll();
  ms = performance.now() - again;
}
const errors = inventories.flatMap((i) =>
  i.problems.filter((p) => p.level === "error").map((p) => p.message),
);
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: peakRssMb(),
    packages: inventories.map((i) => i.packages.length),
    layersRead: inventories.reduce((n, i) => n + i.stats.layersRead, 0),
    blobFetches: [...client.fetches.values()].reduce((a, b) => a + b, 0),
    mostFetchesOfOneBlob: Math.max(0, ...client.fetches.values()),
    errors,
  }),
);
