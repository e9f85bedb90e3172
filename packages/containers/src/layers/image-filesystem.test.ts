import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { layerTar, type TarEntry } from "../test-support/layer-tar.js";
import { ImageFilesystem } from "./image-filesystem.js";
import { readLayer, type LayerReadOptions } from "./layer-changes.js";

const wanted = (p: string): boolean =>
  p.startsWith("keep/") || p === "etc/os-release" || p === "usr/lib/os-release";

async function read(entries: TarEntry[], gzip = false, options: Partial<LayerReadOptions> = {}) {
  const data = await layerTar(entries, { gzip });
  return readLayer("sha256:test", Readable.from([data]), { wanted, ...options });
}

async function build(layers: TarEntry[][]): Promise<ImageFilesystem> {
  const fs = new ImageFilesystem();
  for (const [i, entries] of layers.entries()) fs.apply(await read(entries, i % 2 === 0));
  return fs;
}

const text = (fs: ImageFilesystem, path: string, layer?: number): string | undefined =>
  fs.read(path, layer)?.toString();

describe("layers applied in order", () => {
  it("keeps only wanted files, plain or gzip", async () => {
    for (const gzip of [false, true]) {
      const changes = await read(
        [
          { path: "keep/a", content: "A" },
          { path: "other/b", content: "B" },
          { path: "keep/dir", dir: true },
        ],
        gzip,
      );
      expect([...changes.entries].filter(([, e]) => e.type !== "dir").map(([p]) => p)).toEqual(["keep/a"]);
      expect(changes.fileCount).toBe(2);
    }
  });

  it("applies .wh. whiteouts of files and directories, and later re-creation", async () => {
    const fs = await build([
      [
        { path: "keep/a", content: "1" },
        { path: "keep/d/x", content: "x" },
        { path: "keep/d/y", content: "y" },
      ],
      [
        { path: "keep/.wh.a", content: "" },
        { path: "keep/.wh.d", content: "" },
      ],
      [{ path: "keep/a", content: "3" }],
    ]);
    expect(text(fs, "keep/a", 0)).toBe("1");
    expect(text(fs, "keep/a", 1)).toBeUndefined();
    expect(text(fs, "keep/a")).toBe("3");
    expect(text(fs, "keep/d/x")).toBeUndefined();
    expect(fs.paths()).toEqual(["keep/a"]);
    expect(fs.changesOf("keep/a")).toEqual([0, 1, 2]);
  });

  it("opaque directories hide lower layers but keep the layer's own files", async () => {
    const fs = await build([
      [
        { path: "keep/d/old", content: "o" },
        { path: "keep/e/stay", content: "s" },
      ],
      [
        { path: "keep/d/.wh..wh..opq", content: "" },
        { path: "keep/d/new", content: "n" },
      ],
    ]);
    expect(fs.paths()).toEqual(["keep/d/new", "keep/e/stay"]);
  });

  it("opaque marker after the directory's new files in tar order still keeps them", async () => {
    const fs = await build([
      [{ path: "keep/d/old", content: "o" }],
      [
        { path: "keep/d/new", content: "n" },
        { path: "keep/d/.wh..wh..opq", content: "" },
      ],
    ]);
    expect(fs.paths()).toEqual(["keep/d/new"]);
  });

  it("follows symlinks (file and directory) and hard links inside the root", async () => {
    const fs = await build([
      [
        { path: "usr/lib/os-release", content: "ID=debian\n" },
        { path: "etc/os-release", symlink: "../usr/lib/os-release" },
        { path: "keep/real/f", content: "F" },
        { path: "keep/link", symlink: "/keep/real" },
        { path: "keep/hard", hardlink: "keep/real/f" },
        { path: "keep/loop1", symlink: "loop2" },
        { path: "keep/loop2", symlink: "loop1" },
        { path: "keep/up", symlink: "../../../../keep/real/f" },
      ],
    ]);
    expect(text(fs, "etc/os-release")).toBe("ID=debian\n");
    expect(text(fs, "keep/link/f")).toBe("F");
    expect(text(fs, "keep/hard")).toBe("F");
    expect(text(fs, "keep/up")).toBe("F");
    expect(fs.read("keep/loop1")).toBeUndefined();
  });

  it("a directory replacing a lower layer's directory symlink stops the redirect", async () => {
    const fs = await build([
      [
        { path: "keep/real/f", content: "via link" },
        { path: "keep/l", symlink: "real" },
      ],
      [
        { path: "keep/l", dir: true },
        { path: "keep/l/f", content: "own" },
      ],
    ]);
    expect(text(fs, "keep/l/f", 0)).toBe("via link");
    expect(text(fs, "keep/l/f")).toBe("own");
    expect(fs.paths()).toEqual(["keep/l/f", "keep/real/f"]);
  });

  it("names zstd layers as unsupported", async () => {
    const zstd = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]);
    await expect(readLayer("sha256:z", Readable.from([zstd]), { wanted })).rejects.toThrow(
      "zstd-compressed layers are not supported yet",
    );
  });

  it("refuses entries escaping the root and notes absolute paths, without crashing", async () => {
    const changes = await read([
      { path: "../../keep/evil", content: "E" },
      { path: "/keep/abs", content: "A" },
      { path: "keep/x/../../../y", content: "Y" },
      { path: "keep/ok", content: "K" },
      { path: "keep/badlink", hardlink: "../../etc/shadow" },
    ]);
    expect([...changes.entries.keys()].sort()).toEqual(["keep/abs", "keep/ok"]);
    expect(changes.problems.join("\n")).toMatch(/escapes the image root/);
    expect(changes.problems.join("\n")).toMatch(/absolute path "\/keep\/abs"/);
    expect(changes.problems.join("\n")).toMatch(/hard link keep\/badlink/);
  });

  it("notes oversized wanted files instead of reading them", async () => {
    const changes = await read(
      [
        { path: "keep/big", content: Buffer.alloc(5000) },
        { path: "keep/small", content: "s" },
      ],
      false,
      {
        maxFileBytes: 1000,
      },
    );
    expect(changes.entries.get("keep/big")).toEqual({ type: "skipped", size: 5000 });
    expect(changes.entries.get("keep/small")).toMatchObject({ type: "file" });
    expect(changes.problems[0]).toMatch(/keep\/big is 5000 bytes, over the 1000-byte limit/);
  });

  it("fails clearly on a corrupt layer", async () => {
    const data = await layerTar([{ path: "keep/a", content: "x".repeat(2000) }], { gzip: true });
    await expect(
      readLayer("sha256:bad", Readable.from([data.subarray(0, 40)]), { wanted }),
    ).rejects.toThrow();
  });
});
