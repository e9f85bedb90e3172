// An image in a registry as an ImageSource: layers streamed (digest-verified), through the blob cache.
import type { Readable } from "node:stream";
import type { ImageSource } from "../image-source.js";
import type { LayerCache } from "../layers/layer-cache.js";
import { formatImageReference, type ImageReference } from "../reference.js";
import type { RegistryClient } from "./client.js";
import { Limiter } from "./limiter.js";
import type { Platform } from "./media-types.js";

export async function registryImageSource(
  client: RegistryClient,
  reference: ImageReference,
  options: { platform?: Platform; cache?: LayerCache; layerConcurrency?: number } = {},
): Promise<ImageSource> {
  const resolved = await client.resolveImage(reference, options.platform);
  // The client bounds requests until their headers arrive; this bounds layers being streamed at once.
  const layerLimit = new Limiter(options.layerConcurrency ?? 3);
  const source: ImageSource = {
    name: formatImageReference(reference),
    manifestDigest: resolved.manifestDigest,
    config: resolved.config,
    layers: resolved.manifest.layers.map((l) => ({ digest: l.digest, mediaType: l.mediaType, size: l.size })),
    async readLayers(indexes, visit) {
      // Every layer gets its chance; the first failure is reported once all have finished.
      const results = await Promise.allSettled(
        indexes.map((index) =>
          layerLimit.run(async () => {
            const layer = resolved.manifest.layers[index];
            if (!layer) return;
            let stream: Readable | undefined = await options.cache?.openBlob(layer.digest);
            if (!stream) {
              stream = await client.openBlob(reference, layer.digest);
              if (options.cache) stream = await options.cache.storeBlob(layer.digest, stream);
            }
            await visit(index, stream);
          }),
        ),
      );
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
  if (resolved.platform) source.platform = resolved.platform;
  return source;
}
