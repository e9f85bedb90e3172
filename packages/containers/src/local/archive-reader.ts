// Reads an image kept as files, either a directory or a tar(.gz) of one, behind one interface, so docker
// save archives and OCI layouts are handled the same way in both shapes.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tar from "tar-stream";
import { cleanTarPath } from "../layers/tar-path.js";

export interface ArchiveReader {
  path: string;
  /** A small file's content (manifest.json, index.json, configs), or undefined when absent. */
  readSmall(name: string): Promise<Buffer | undefined>;
  /** Streams the named members, in whatever order the archive holds them. */
  stream(names: string[], visit: (name: string, stream: Readable) => Promise<void>): Promise<void>;
}

const SMALL_LIMIT = 16 << 20;

export async function openArchive(path: string): Promise<ArchiveReader> {
  const info = await stat(path);
  return info.isDirectory() ? directoryReader(path) : tarballReader(path);
}

function directoryReader(root: string): ArchiveReader {
  const safe = (name: string): string => {
    const checked = cleanTarPath(name);
    if ("error" in checked) throw new Error(`${root}: ${checked.error}`);
    return join(root, checked.path);
  };
  return {
    path: root,
    async readSmall(name) {
      try {
        const file = safe(name);
        if ((await stat(file)).size > SMALL_LIMIT) throw new Error(`${file} is over ${SMALL_LIMIT} bytes`);
        return await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async stream(names, visit) {
      for (const name of names) await visit(name, createReadStream(safe(name)));
    },
  };
}

async function isGzip(path: string): Promise<boolean> {
  const handle = createReadStream(path, { start: 0, end: 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of handle) chunks.push(chunk as Buffer);
  const head = Buffer.concat(chunks);
  return head[0] === 0x1f && head[1] === 0x8b;
}

function tarballReader(path: string): ArchiveReader {
  const walk = async (onEntry: (name: string, body: Readable) => Promise<void>): Promise<void> => {
    const extract = tar.extract();
    extract.on("entry", (header, body, next) => {
      const checked = cleanTarPath(header.name);
      const name = "error" in checked ? undefined : checked.path;
      let ended = false;
      let handled = false;
      body.on("end", () => {
        ended = true;
        if (handled) next();
      });
      const handle =
        header.type === "file" && name !== undefined
          ? onEntry(name, Readable.from(body as AsyncIterable<Buffer>))
          : Promise.resolve();
      handle.then(
        () => {
          handled = true;
          if (ended) next();
          else body.resume();
        },
        (error: unknown) => extract.destroy(error as Error),
      );
    });
    const gzip = await isGzip(path);
    await (gzip
      ? pipeline(createReadStream(path), createGunzip(), extract)
      : pipeline(createReadStream(path), extract));
  };
  let smallFiles: Map<string, Buffer> | undefined;
  return {
    path,
    async readSmall(name) {
      if (!smallFiles) {
        const files = new Map<string, Buffer>();
        // One pass keeps every small JSON member; layer tars are skipped without buffering.
        await walk(async (entryName, body) => {
          if (!entryName.endsWith(".json") && !/^blobs\/sha256\/[a-f0-9]{64}$/.test(entryName)) return;
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of body) {
            size += (chunk as Buffer).length;
            if (size > SMALL_LIMIT) {
              // Too large to be metadata: a layer blob. Drop what was read.
              chunks.length = 0;
              for await (const _rest of body) void _rest;
              return;
            }
            chunks.push(chunk as Buffer);
          }
          files.set(entryName, Buffer.concat(chunks));
        });
        smallFiles = files;
      }
      const checked = cleanTarPath(name);
      return "error" in checked ? undefined : smallFiles.get(checked.path);
    },
    async stream(names, visit) {
      const wanted = new Set(
        names.map((n) => {
          const checked = cleanTarPath(n);
          return "error" in checked ? n : checked.path;
        }),
      );
      const seen = new Set<string>();
      await walk(async (name, body) => {
        if (!wanted.has(name) || seen.has(name)) return;
        seen.add(name);
        await visit(name, body);
      });
      const missing = [...wanted].filter((n) => !seen.has(n));
      if (missing.length > 0) throw new Error(`${path}: missing ${missing.join(", ")}`);
    },
  };
}
