// An OCI image layout (oci-layout, index.json, blobs/<alg>/<hex>), as a directory or a tar(.gz).
import type { ImageSource } from "../image-source.js";
import { sha256Digest } from "../registry/digest-stream.js";
import {
  formatPlatform,
  isIndexType,
  selectPlatform,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from "../registry/media-types.js";
import { openArchive, type ArchiveReader } from "./archive-reader.js";
import { dockerArchiveFromReader } from "./docker-archive.js";

const REF_NAME = "org.opencontainers.image.ref.name";

export interface OciLayoutOptions {
  /** Picks a manifest by its `org.opencontainers.image.ref.name` annotation (e.g. a tag). */
  ref?: string;
  platform?: Platform;
}

function blobName(digest: string): string {
  const [algorithm, hex] = digest.split(":");
  if (!algorithm || !hex || !/^[a-z0-9]+$/.test(algorithm) || !/^[a-f0-9]+$/.test(hex)) {
    throw new Error(`bad digest "${digest}"`);
  }
  return `blobs/${algorithm}/${hex}`;
}

async function readJsonBlob<T>(reader: ArchiveReader, digest: string): Promise<T> {
  const bytes = await reader.readSmall(blobName(digest));
  if (!bytes) throw new Error(`${reader.path}: blob ${digest} is missing`);
  const actual = sha256Digest(bytes);
  if (digest.startsWith("sha256:") && actual !== digest) {
    throw new Error(`${reader.path}: blob ${digest} does not match its digest (${actual})`);
  }
  return JSON.parse(bytes.toString("utf8")) as T;
}

export async function ociLayoutSource(path: string, options: OciLayoutOptions = {}): Promise<ImageSource> {
  return ociLayoutFromReader(await openArchive(path), options);
}

export async function ociLayoutFromReader(
  reader: ArchiveReader,
  options: OciLayoutOptions = {},
): Promise<ImageSource> {
  const indexBytes = await reader.readSmall("index.json");
  if (!indexBytes) throw new Error(`${reader.path}: no index.json (not an OCI image layout)`);
  const index = JSON.parse(indexBytes.toString("utf8")) as ImageIndex;
  const wanted = options.platform ?? { os: "linux", architecture: "amd64" };
  let candidates = index.manifests ?? [];
  if (options.ref) candidates = candidates.filter((m) => m.annotations?.[REF_NAME] === options.ref);
  if (candidates.length === 0) {
    throw new Error(
      `${reader.path}: index.json has no manifest${options.ref ? ` named ${options.ref}` : ""}`,
    );
  }
  let descriptor: Descriptor | undefined =
    candidates.length === 1
      ? candidates[0]
      : selectPlatform({ schemaVersion: 2, manifests: candidates }, wanted);
  descriptor ??= candidates[0];
  let platform: Platform | undefined = descriptor?.platform;
  // Nested indexes (a multi-platform image inside the layout) are resolved down to one manifest.
  for (let depth = 0; descriptor && isIndexType(descriptor.mediaType) && depth < 4; depth++) {
    const nested = await readJsonBlob<ImageIndex>(reader, descriptor.digest);
    descriptor = selectPlatform(nested, wanted);
    if (!descriptor) {
      const available = nested.manifests
        .map((m) => (m.platform ? formatPlatform(m.platform) : "?"))
        .join(", ");
      throw new Error(`${reader.path}: no image for ${formatPlatform(wanted)} (available: ${available})`);
    }
    platform = descriptor.platform;
  }
  if (!descriptor) throw new Error(`${reader.path}: no image manifest found`);
  const manifest = await readJsonBlob<ImageManifest>(reader, descriptor.digest);
  const config = await readJsonBlob<ImageConfig>(reader, manifest.config.digest);
  const source: ImageSource = {
    name: options.ref ? `${reader.path} (${options.ref})` : reader.path,
    manifestDigest: descriptor.digest,
    config,
    layers: manifest.layers.map((l) => ({ digest: l.digest, mediaType: l.mediaType, size: l.size })),
    async readLayers(indexes, visit) {
      const byName = new Map<string, number>();
      for (const i of indexes) {
        const layer = manifest.layers[i];
        if (layer && !byName.has(blobName(layer.digest))) byName.set(blobName(layer.digest), i);
      }
      await reader.stream([...byName.keys()], async (name, stream) => {
        const i = byName.get(name);
        if (i !== undefined) await visit(i, stream);
      });
    },
  };
  const found =
    platform ??
    (config.os && config.architecture ? { os: config.os, architecture: config.architecture } : undefined);
  if (found) source.platform = found;
  return source;
}

/** Opens a local image, telling an OCI layout (index.json) from a docker save archive (manifest.json). */
export async function localImageSource(
  path: string,
  options: OciLayoutOptions & { tag?: string } = {},
): Promise<ImageSource> {
  const reader = await openArchive(path);
  if (await reader.readSmall("index.json")) {
    // Docker 25+ saves OCI layouts that also carry manifest.json; the OCI index is the richer description.
    return ociLayoutFromReader(reader, options);
  }
  if (await reader.readSmall("manifest.json")) return dockerArchiveFromReader(reader, options);
  throw new Error(
    `${path}: neither an OCI image layout (index.json) nor a docker save archive (manifest.json)`,
  );
}
