// docker save archives and OCI layouts, as directories and as tarballs, built on disk from real layers
// (this machine's dpkg status and os-release, a real Cargo.lock), give the same inventory.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { extractFile } from "@bulwark/lockfiles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDpkgStatus } from "../inventory/dpkg.js";
import { sha256Digest } from "../registry/digest-stream.js";
import { OCI_CONFIG, OCI_INDEX, OCI_LAYER, OCI_LAYER_GZIP, OCI_MANIFEST } from "../registry/media-types.js";
import { scanImage, type ImageInventory } from "../scan-image.js";
import { layerTar } from "../test-support/layer-tar.js";
import { openImage } from "../open-image.js";
import { dockerArchiveSource } from "./docker-archive.js";
import { localImageSource, ociLayoutSource } from "./oci-layout.js";

const shared = fileURLToPath(new URL("../../../../../shared/", import.meta.url));
const CARGO_LOCK = join(shared, "lockfiles/cargo-lock/BurntSushi__ripgrep__Cargo.lock");
const HISTORY = ["ADD rootfs /", "COPY Cargo.lock /app/", "RUN rm -rf /var/lib/dpkg"];

let work: string;
let layers: Buffer[];
let config: Buffer;

function hex(data: Buffer): string {
  return sha256Digest(data).slice("sha256:".length);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bulwark-local-sources-"));
  layers = [
    await layerTar(
      [
        { path: "var/lib/dpkg/status", content: readFileSync("/var/lib/dpkg/status") },
        { path: "usr/lib/os-release", content: readFileSync("/etc/os-release") },
        { path: "etc/os-release", symlink: "../usr/lib/os-release" },
      ],
      { gzip: true },
    ),
    await layerTar([{ path: "app/Cargo.lock", content: readFileSync(CARGO_LOCK) }]),
    await layerTar([{ path: "app/readme", content: "no deletions here" }], { gzip: true }),
  ];
  const diffIds = layers.map((l) => sha256Digest(l[0] === 0x1f ? gunzipSync(l) : l));
  config = Buffer.from(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      rootfs: { type: "layers", diff_ids: diffIds },
      history: [
        { created_by: "LABEL x=y", empty_layer: true },
        ...HISTORY.map((created_by) => ({ created_by })),
      ],
    }),
  );

  // docker save (classic): <id>/layer.tar uncompressed, <config-hex>.json, manifest.json.
  const save = join(work, "save");
  await mkdir(save);
  const layerNames: string[] = [];
  for (const [i, layer] of layers.entries()) {
    const name = `layer${i}/layer.tar`;
    await mkdir(join(save, `layer${i}`));
    await writeFile(join(save, name), layer[0] === 0x1f ? gunzipSync(layer) : layer);
    layerNames.push(name);
  }
  await writeFile(join(save, `${hex(config)}.json`), config);
  await writeFile(
    join(save, "manifest.json"),
    JSON.stringify([{ Config: `${hex(config)}.json`, RepoTags: ["app:1"], Layers: layerNames }]),
  );
  execFileSync("tar", ["-cf", join(work, "save.tar"), "-C", save, "."]);

  // OCI layout: blobs/sha256/<hex>, index.json with a ref.name annotation.
  const oci = join(work, "oci");
  await mkdir(join(oci, "blobs/sha256"), { recursive: true });
  const blob = async (data: Buffer) => {
    await writeFile(join(oci, "blobs/sha256", hex(data)), data);
    return { digest: sha256Digest(data), size: data.length };
  };
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, ...(await blob(config)) },
      layers: await Promise.all(
        layers.map(async (l) => ({
          mediaType: l[0] === 0x1f ? OCI_LAYER_GZIP : OCI_LAYER,
          ...(await blob(l)),
        })),
      ),
    }),
  );
  const manifestDescriptor = {
    mediaType: OCI_MANIFEST,
    ...(await blob(manifest)),
    platform: { os: "linux", architecture: "amd64" },
  };
  const nested = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [manifestDescriptor] }),
  );
  await writeFile(join(oci, "oci-layout"), JSON.stringify({ imageLayoutVersion: "1.0.0" }));
  await writeFile(
    join(oci, "index.json"),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: [
        {
          mediaType: OCI_INDEX,
          ...(await blob(nested)),
          annotations: { "org.opencontainers.image.ref.name": "1" },
        },
      ],
    }),
  );
  execFileSync("tar", ["-czf", join(work, "oci.tar.gz"), "-C", oci, "."]);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function check(inventory: ImageInventory): void {
  const status = parseDpkgStatus(readFileSync("/var/lib/dpkg/status", "utf8"), "status");
  const dpkg = inventory.packages.filter((p) => p.source === "dpkg");
  expect(dpkg.map((p) => `${p.name} ${p.version}`).sort()).toEqual(
    status.map((p) => `${p.name} ${p.version}`).sort(),
  );
  expect(dpkg.every((p) => p.layer.index === 0 && p.layer.createdBy === HISTORY[0])).toBe(true);
  const cargo = inventory.packages.filter((p) => p.source === "Cargo.lock");
  expect(cargo.length).toBeGreaterThan(30);
  expect(
    cargo.every(
      (p) =>
        p.ecosystem === "crates.io" &&
        p.file === "/app/Cargo.lock" &&
        p.layer.index === 1 &&
        p.layer.createdBy === HISTORY[1],
    ),
  ).toBe(true);
  expect(inventory.os?.ecosystem).toMatch(/^Debian:\d+$/);
  expect(inventory.problems).toEqual([]);
}

describe("local images", () => {
  it("docker save directory and tarball", async () => {
    for (const path of [join(work, "save"), join(work, "save.tar")]) {
      const source = await dockerArchiveSource(path, { tag: "app:1" });
      expect(source.layers.map((l) => l.digest)).toEqual(JSON.parse(config.toString()).rootfs.diff_ids);
      check(await scanImage(source));
    }
    await expect(dockerArchiveSource(join(work, "save"), { tag: "nope:2" })).rejects.toThrow(
      "no image tagged nope:2 (has app:1)",
    );
  });

  it("OCI layout directory and gzipped tarball, through a nested index", async () => {
    for (const path of [join(work, "oci"), join(work, "oci.tar.gz")]) {
      const source = await ociLayoutSource(path, { ref: "1" });
      expect(source.platform).toEqual({ os: "linux", architecture: "amd64" });
      check(await scanImage(source));
    }
  });

  it("the Cargo.lock packages are the ones @bulwark/lockfiles reads from the same file", async () => {
    const inventory = await scanImage(await localImageSource(join(work, "oci")));
    // Same bytes under the name the image has, read by the lockfiles package directly.
    await mkdir(join(work, "app"), { recursive: true });
    await writeFile(join(work, "app/Cargo.lock"), readFileSync(CARGO_LOCK));
    const expected = (await extractFile(join(work, "app/Cargo.lock"))).packages
      .filter((p) => p.version)
      .map((p) => `${p.name}@${p.version}`);
    expect(
      inventory.packages.filter((p) => p.source === "Cargo.lock").map((p) => `${p.name}@${p.version}`),
    ).toEqual(expected);
  });

  it("openImage takes docker-archive:, oci:<path>:<ref> and plain paths", async () => {
    check(await scanImage(await openImage(`docker-archive:${join(work, "save.tar")}`)));
    check(await scanImage(await openImage(`oci:${join(work, "oci")}:1`)));
    check(await scanImage(await openImage(join(work, "oci.tar.gz"))));
  });

  it("tells which kind of local image it was given, and names what is missing", async () => {
    expect((await localImageSource(join(work, "save.tar"))).name).toContain("app:1");
    await expect(localImageSource(join(work, "save", "layer0"))).rejects.toThrow(
      "neither an OCI image layout",
    );
    const noLayer = join(work, "save-missing");
    execFileSync("cp", ["-r", join(work, "save"), noLayer]);
    await rm(join(noLayer, "layer1"), { recursive: true });
    const inventory = await scanImage(await dockerArchiveSource(noLayer));
    expect(
      inventory.problems.some((p) => p.level === "error" && /layer 2 .* could not be read/.test(p.message)),
    ).toBe(true);
  });
});
