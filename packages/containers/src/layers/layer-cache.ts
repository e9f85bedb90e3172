// Layers by digest, so a base layer shared by many images is read once: parsed layers in memory (read
// with one wanted-path rule), and optionally the raw blobs in a directory across runs.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { LayerChanges } from "./layer-changes.js";

export class LayerCache {
  private readonly memory = new Map<string, Promise<LayerChanges>>();

  /** @param dir directory for raw blobs (`<dir>/sha256/<hex>`); none keeps blobs out of disk entirely. */
  constructor(readonly dir?: string) {}

  /** The parsed layer, reading it with `load` only the first time (concurrent callers share one read). */
  layer(digest: string, load: () => Promise<LayerChanges>): Promise<LayerChanges> {
    let pending = this.memory.get(digest);
    if (!pending) {
      pending = load();
      this.memory.set(digest, pending);
      // A failed read is not cached: the next image may succeed.
      pending.catch(() => this.memory.delete(digest));
    }
    return pending;
  }

  has(digest: string): boolean {
    return this.memory.has(digest);
  }

  private blobPath(digest: string): string | undefined {
    const [algorithm, hex] = digest.split(":");
    if (!this.dir || !algorithm || !hex || !/^[a-f0-9]+$/.test(hex)) return undefined;
    return join(this.dir, algorithm, hex);
  }

  /** A stream of the cached blob, or undefined when it is not on disk. */
  async openBlob(digest: string): Promise<Readable | undefined> {
    const path = this.blobPath(digest);
    if (!path) return undefined;
    try {
      await stat(path);
    } catch {
      return undefined;
    }
    return createReadStream(path);
  }

  /**
   * Writes a verified blob stream to the cache and returns a stream of the cached copy. The file appears
   * under its digest only once the whole (digest-checked) stream has been written.
   */
  async storeBlob(digest: string, stream: Readable): Promise<Readable> {
    const path = this.blobPath(digest);
    if (!path) return stream;
    await mkdir(join(path, ".."), { recursive: true });
    const partial = `${path}.${process.pid}.${Date.now()}.partial`;
    try {
      await pipeline(stream, createWriteStream(partial));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return createReadStream(path);
  }
}
