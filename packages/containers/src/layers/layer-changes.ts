// Reads one layer tar as a stream and keeps only what the inventories need: the content of wanted files,
// every symlink and hard link (small, needed to resolve paths such as etc/os-release), and the whiteouts.
import { createGunzip } from "node:zlib";
import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import tar from "tar-stream";
import { cleanTarPath } from "./tar-path.js";

export type LayerEntry =
  | { type: "file"; content: Buffer }
  | { type: "symlink"; target: string }
  | { type: "hardlink"; target: string }
  /** Recorded so a directory replacing a lower layer's symlink (e.g. a usr-merge link) stops redirecting. */
  | { type: "dir" }
  /** A wanted path whose content was not kept (over the size cap); its presence still counts. */
  | { type: "skipped"; size: number };

export interface LayerChanges {
  digest: string;
  /** Paths this layer adds or replaces, in tar order. */
  entries: Map<string, LayerEntry>;
  /** Paths deleted by `.wh.<name>` files (the file or the whole directory below it). */
  deletions: string[];
  /** Directories made opaque by `.wh..wh..opq`: everything below them from earlier layers is hidden. */
  opaqueDirs: string[];
  /** Every regular-file path in the layer, for deciding which files were removed/added without content. */
  fileCount: number;
  problems: string[];
}

export interface LayerReadOptions {
  /** True for paths whose content the inventories read. */
  wanted(path: string): boolean;
  /** Largest single file kept, in bytes. Default 64 MiB. */
  maxFileBytes?: number;
  /** Most bytes of wanted content kept per layer. Default 512 MiB. */
  maxLayerKeptBytes?: number;
}

const WHITEOUT = ".wh.";
const OPAQUE = ".wh..wh..opq";

/** First bytes of a stream, put back so the stream reads from the start. Null for an empty stream. */
async function peek(stream: Readable): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off("readable", onReadable);
      stream.off("error", onError);
      stream.off("end", onEnd);
    };
    const onReadable = (): void => {
      const chunk = stream.read() as Buffer | null;
      cleanup();
      if (chunk) stream.unshift(chunk);
      resolve(chunk);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    stream.on("readable", onReadable);
    stream.on("error", onError);
    stream.on("end", onEnd);
  });
}

/** Streams of a layer, with gzip sniffed by magic bytes so lying media types and docker save's plain tars both work. */
async function layerStages(stream: Readable): Promise<(Readable | Transform)[]> {
  const head = await peek(stream);
  if (head && head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) {
    throw new Error("zstd-compressed layers are not supported yet");
  }
  return head && head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b
    ? [stream, createGunzip()]
    : [stream];
}

export async function readLayer(
  digest: string,
  stream: Readable,
  options: LayerReadOptions,
): Promise<LayerChanges> {
  const maxFile = options.maxFileBytes ?? 64 << 20;
  const maxKept = options.maxLayerKeptBytes ?? 512 << 20;
  const changes: LayerChanges = {
    digest,
    entries: new Map(),
    deletions: [],
    opaqueDirs: [],
    fileCount: 0,
    problems: [],
  };
  let kept = 0;
  const extract = tar.extract();
  extract.on("entry", (header, body, next) => {
    const done = (): void => {
      body.on("end", () => next());
      body.resume();
    };
    const checked = cleanTarPath(header.name);
    if ("error" in checked) {
      changes.problems.push(`layer ${digest}: ${checked.error}; entry skipped`);
      return done();
    }
    if (checked.warning) changes.problems.push(`layer ${digest}: ${checked.warning}`);
    const path = checked.path;
    const slash = path.lastIndexOf("/");
    const dir = slash >= 0 ? path.slice(0, slash) : "";
    const base = path.slice(slash + 1);
    if (base === OPAQUE) {
      changes.opaqueDirs.push(dir);
      return done();
    }
    if (base.startsWith(WHITEOUT)) {
      const name = base.slice(WHITEOUT.length);
      changes.deletions.push(dir ? `${dir}/${name}` : name);
      return done();
    }
    if (header.type === "symlink") {
      changes.entries.set(path, { type: "symlink", target: header.linkname ?? "" });
      return done();
    }
    if (header.type === "link") {
      const target = cleanTarPath(header.linkname ?? "");
      if ("error" in target) {
        changes.problems.push(`layer ${digest}: hard link ${path}: ${target.error}; entry skipped`);
      } else {
        changes.entries.set(path, { type: "hardlink", target: target.path });
      }
      return done();
    }
    if (header.type === "directory") {
      if (path) changes.entries.set(path, { type: "dir" });
      return done();
    }
    if (header.type !== "file" && header.type !== "contiguous-file") return done();
    changes.fileCount++;
    if (!options.wanted(path)) {
      // A replaced/overwritten file that is no longer wanted must still hide an earlier wanted one.
      changes.entries.delete(path);
      return done();
    }
    const size = header.size ?? 0;
    if (size > maxFile || kept + size > maxKept) {
      changes.problems.push(
        `layer ${digest}: ${path} is ${size} bytes, over the ${size > maxFile ? maxFile : maxKept}-byte limit; not read`,
      );
      changes.entries.set(path, { type: "skipped", size });
      return done();
    }
    kept += size;
    const chunks: Buffer[] = [];
    body.on("data", (chunk: unknown) => {
      chunks.push(chunk as Buffer);
    });
    body.on("end", () => {
      changes.entries.set(path, { type: "file", content: Buffer.concat(chunks) });
      next();
    });
  });
  const stages = await layerStages(stream);
  await (stages.length === 2
    ? pipeline(stages[0] as Readable, stages[1] as Transform, extract)
    : pipeline(stream, extract));
  return changes;
}
