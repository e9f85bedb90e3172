// Where an image's manifest, config and layers come from: a registry, a docker save archive or an OCI
// layout. Scanning only needs this much.
import type { Readable } from "node:stream";
import type { ImageConfig, Platform } from "./registry/media-types.js";

export interface SourceLayer {
  /** Digest of the blob as stored; docker save archives without one get "sha256:" of the tar file. */
  digest: string;
  mediaType?: string;
  size?: number;
}

export interface ImageSource {
  /** What to call the image in messages: a reference or a file path. */
  name: string;
  manifestDigest?: string;
  platform?: Platform;
  config: ImageConfig;
  layers: SourceLayer[];
  /**
   * Streams the layers at these indexes, in any order, calling visit for each and waiting for it to finish
   * with the stream (so an archive can be read in one pass).
   */
  readLayers(indexes: number[], visit: (index: number, stream: Readable) => Promise<void>): Promise<void>;
}
