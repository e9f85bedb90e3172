// scanImage over an in-memory source of real layer tars: faults become named problems, never silence.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ImageSource } from "./image-source.js";
import { sha256Digest } from "./registry/digest-stream.js";
import { scanImage } from "./scan-image.js";
import { layerTar, type TarEntry } from "./test-support/layer-tar.js";

async function memorySource(layers: TarEntry[][], history: string[]): Promise<ImageSource> {
  const blobs = await Promise.all(layers.map((entries) => layerTar(entries, { gzip: true })));
  return {
    name: "memory/image",
    config: { os: "linux", architecture: "amd64", history: history.map((created_by) => ({ created_by })) },
    layers: blobs.map((b) => ({ digest: sha256Digest(b) })),
    async readLayers(indexes, visit) {
      for (const i of indexes) {
        const blob = blobs[i];
        if (blob) await visit(i, Readable.from([blob]));
      }
    },
  };
}

const RELEASE = { path: "etc/os-release", content: "ID=alpine\nVERSION_ID=3.21.0\n" };

describe("scanImage", () => {
  it("pairs history with layers only when the counts agree", async () => {
    const layers = [[RELEASE], [{ path: "lib/apk/db/installed", content: "P:zlib\nV:1.3.1-r2\n\n" }]];
    const paired = await scanImage(await memorySource(layers, ["ADD alpine", "RUN apk add zlib"]), {
      extractors: [],
    });
    expect(paired.packages[0]?.layer).toMatchObject({ index: 1, createdBy: "RUN apk add zlib" });
    const unpaired = await scanImage(await memorySource(layers, ["squashed"]), { extractors: [] });
    expect(unpaired.packages[0]?.layer).toEqual({ index: 1, digest: unpaired.layers[1]?.digest });
  });

  it("a broken package database is an error naming file and line; the other databases are still listed", async () => {
    const source = await memorySource(
      [
        [
          RELEASE,
          { path: "lib/apk/db/installed", content: "P:musl\nV:1.2.5-r8\n\n" },
          { path: "var/lib/dpkg/status", content: "Package: x\nVersion: 1\n\ngarbage line\n" },
        ],
      ],
      ["ADD"],
    );
    const inventory = await scanImage(source, { extractors: [] });
    expect(inventory.packages.map((p) => p.name)).toEqual(["musl"]);
    expect(inventory.problems).toEqual([
      expect.objectContaining({
        level: "error",
        path: "/var/lib/dpkg/status",
        message: expect.stringContaining('/var/lib/dpkg/status:4: expected "Field: value"'),
      }),
    ]);
  });

  it("a package database over the size cap is an error, not an empty list", async () => {
    const big = "Package: a\nStatus: install ok installed\nVersion: 1\n\n".repeat(200);
    const source = await memorySource([[RELEASE, { path: "var/lib/dpkg/status", content: big }]], ["ADD"]);
    const inventory = await scanImage(source, { extractors: [], maxFileBytes: 1000 });
    expect(inventory.packages).toEqual([]);
    expect(inventory.problems.map((p) => p.level)).toEqual(["warning", "error"]);
    expect(inventory.problems[1]?.message).toMatch(/too large to read; its packages are not listed/);
  });

  it("a layer the source never hands over is an error, and the scan still ends", async () => {
    const source = await memorySource(
      [[RELEASE], [{ path: "lib/apk/db/installed", content: "P:a\nV:1\n\n" }]],
      ["a", "b"],
    );
    const withholding: ImageSource = {
      ...source,
      readLayers: (indexes, visit) => source.readLayers(indexes.slice(0, 1), visit),
    };
    const inventory = await scanImage(withholding, { extractors: [] });
    expect(inventory.problems).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: expect.stringMatching(
          /layer 2 .* could not be read: the image source did not provide this layer/,
        ),
      }),
    );
  });
});
