// Builds layer tars for tests with tar-stream: files, symlinks, hard links, whiteouts, raw names.
import { gzipSync } from "node:zlib";
import tar from "tar-stream";

export type TarEntry =
  | { path: string; content: string | Buffer; mode?: number }
  | { path: string; symlink: string }
  | { path: string; hardlink: string }
  | { path: string; dir: true };

export async function layerTar(entries: TarEntry[], options: { gzip?: boolean } = {}): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on("data", (c: unknown) => {
      chunks.push(c as Buffer);
    });
    pack.on("end", () => resolve());
    pack.on("error", reject);
  });
  for (const entry of entries) {
    if ("content" in entry) {
      pack.entry({ name: entry.path, mode: entry.mode ?? 0o644 }, entry.content);
    } else if ("symlink" in entry) {
      pack.entry({ name: entry.path, type: "symlink", linkname: entry.symlink });
    } else if ("hardlink" in entry) {
      pack.entry({ name: entry.path, type: "link", linkname: entry.hardlink });
    } else {
      pack.entry({ name: entry.path, type: "directory", mode: 0o755 });
    }
  }
  pack.finalize();
  await done;
  const data = Buffer.concat(chunks);
  return options.gzip ? gzipSync(data) : data;
}
