// Pushes an image built from layer tars to a registry with the package's own client, the way a build
// tool would: layer blobs, then the config (with diff_ids and history), then the manifest.
import { gunzipSync } from "node:zlib";
import type { RegistryClient } from "../registry/client.js";
import { sha256Digest } from "../registry/digest-stream.js";
import {
  DOCKER_CONFIG,
  DOCKER_LAYER_GZIP,
  DOCKER_MANIFEST,
  OCI_CONFIG,
  OCI_INDEX,
  OCI_LAYER,
  OCI_LAYER_GZIP,
  OCI_MANIFEST,
  type Descriptor,
  type Platform,
} from "../registry/media-types.js";
import type { ImageReference } from "../reference.js";

export interface BuiltLayer {
  data: Buffer;
  createdBy: string;
}

export interface PushOptions {
  format?: "oci" | "docker";
  platform?: Platform;
  /** Empty (metadata-only) history entries placed before each layer, to check layer/history pairing. */
  emptyHistoryBefore?: string[];
}

function isGzip(data: Buffer): boolean {
  return data[0] === 0x1f && data[1] === 0x8b;
}

export async function pushImage(
  client: RegistryClient,
  ref: ImageReference,
  tag: string | undefined,
  layers: BuiltLayer[],
  options: PushOptions = {},
): Promise<Descriptor> {
  const docker = options.format === "docker";
  const platform = options.platform ?? { os: "linux", architecture: "amd64" };
  const layerDescriptors: Descriptor[] = [];
  for (const layer of layers) {
    const gz = isGzip(layer.data);
    const mediaType = docker ? DOCKER_LAYER_GZIP : gz ? OCI_LAYER_GZIP : OCI_LAYER;
    layerDescriptors.push(await client.pushBlob(ref, layer.data, mediaType));
  }
  const config = {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    rootfs: {
      type: "layers",
      diff_ids: layers.map((l) => sha256Digest(isGzip(l.data) ? gunzipSync(l.data) : l.data)),
    },
    history: [
      ...(options.emptyHistoryBefore ?? []).map((created_by) => ({ created_by, empty_layer: true })),
      ...layers.map((l) => ({ created_by: l.createdBy })),
    ],
  };
  const configDescriptor = await client.pushBlob(
    ref,
    Buffer.from(JSON.stringify(config)),
    docker ? DOCKER_CONFIG : OCI_CONFIG,
  );
  const mediaType = docker ? DOCKER_MANIFEST : OCI_MANIFEST;
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType, config: configDescriptor, layers: layerDescriptors }),
  );
  const digest = await client.pushManifest(ref, tag ?? sha256Digest(manifest), mediaType, manifest);
  return { mediaType, digest, size: manifest.length, platform };
}

export async function pushIndex(
  client: RegistryClient,
  ref: ImageReference,
  tag: string,
  manifests: Descriptor[],
): Promise<string> {
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }));
  return client.pushManifest(ref, tag, OCI_INDEX, body);
}
