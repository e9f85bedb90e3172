// One way to name an image for scanning: a registry reference, or a local docker save archive / OCI
// layout (directory or tarball), written as "docker-archive:<path>", "oci:<path>" or a path that exists.
import { existsSync } from "node:fs";
import type { ImageSource } from "./image-source.js";
import type { LayerCache } from "./layers/layer-cache.js";
import { dockerArchiveSource } from "./local/docker-archive.js";
import { localImageSource, ociLayoutSource } from "./local/oci-layout.js";
import { parseImageReference } from "./reference.js";
import { RegistryClient } from "./registry/client.js";
import type { Platform } from "./registry/media-types.js";
import { registryImageSource } from "./registry/registry-source.js";

export interface OpenImageOptions {
  client?: RegistryClient;
  platform?: Platform;
  cache?: LayerCache;
}

export async function openImage(spec: string, options: OpenImageOptions = {}): Promise<ImageSource> {
  const local = { ...(options.platform ? { platform: options.platform } : {}) };
  if (spec.startsWith("docker-archive:")) return dockerArchiveSource(spec.slice("docker-archive:".length));
  if (spec.startsWith("oci:")) {
    // oci:<path>[:<ref.name>] as skopeo writes it.
    const rest = spec.slice("oci:".length);
    const colon = rest.lastIndexOf(":");
    const hasRef = colon > 0 && !existsSync(rest);
    return ociLayoutSource(
      hasRef ? rest.slice(0, colon) : rest,
      hasRef ? { ...local, ref: rest.slice(colon + 1) } : local,
    );
  }
  if (spec.startsWith("/") || spec.startsWith(".") || existsSync(spec)) return localImageSource(spec, local);
  const client = options.client ?? new RegistryClient();
  return registryImageSource(client, parseImageReference(spec), {
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
}
