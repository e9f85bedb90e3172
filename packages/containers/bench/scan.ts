// How fast an image is read: the debootstrapped Debian rootfs (about 200 MB uncompressed) as a one-layer
// docker save archive, plain and gzipped, OS packages only and with every lockfile format; then again
// with a warm layer cache. Run: pnpm --filter @bulwark/containers bench
import { readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { LayerCache, ociLayoutSource, scanImage, sha256Digest, type ImageSource } from "../src/index.js";
import { ensureDebianRootfs } from "../src/test-support/debian-rootfs.js";

async function ociLayout(dir: string, layer: Buffer, diffId: string): Promise<string> {
  await mkdir(join(dir, "blobs/sha256"), { recursive: true });
  const blob = async (data: Buffer) => {
    const digest = sha256Digest(data);
    await writeFile(join(dir, "blobs/sha256", digest.slice(7)), data);
    return { digest, size: data.length };
  };
  const config = Buffer.from(
    JSON.stringify({
      os: "linux",
      architecture: "amd64",
      rootfs: { type: "layers", diff_ids: [diffId] },
      history: [{ created_by: "debootstrap" }],
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: "application/vnd.oci.image.config.v1+json", ...(await blob(config)) },
      layers: [{ mediaType: "application/vnd.oci.image.layer.v1.tar", ...(await blob(layer)) }],
    }),
  );
  await writeFile(
    join(dir, "index.json"),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", ...(await blob(manifest)) }],
    }),
  );
  return dir;
}

async function time(
  label: string,
  bytes: number,
  run: () => Promise<{ packages: unknown[] }>,
): Promise<void> {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${(bytes / 1e6 / (ms / 1000)).toFixed(0).padStart(5)} MB/s  ${result.packages.length} packages`,
  );
}

const rootfs = await ensureDebianRootfs();
const tar = readFileSync(rootfs.tar);
const work = await mkdtemp(join(tmpdir(), "bulwark-containers-bench-"));
try {
  const diffId = sha256Digest(tar);
  const plain = await ociLayout(join(work, "plain"), tar, diffId);
  const gz = await ociLayout(join(work, "gzip"), gzipSync(tar, { level: 6 }), diffId);
  const size = statSync(rootfs.tar).size;
  const open = (dir: string): Promise<ImageSource> => ociLayoutSource(dir);
  await time("plain layer, OS packages only", size, async () =>
    scanImage(await open(plain), { extractors: [] }),
  );
  await time("plain layer, OS + every lockfile format", size, async () => scanImage(await open(plain)));
  await time("gzip layer, OS packages only", size, async () => scanImage(await open(gz), { extractors: [] }));
  const cache = new LayerCache();
  await scanImage(await open(gz), { cache, extractors: [] });
  await time("gzip layer again, warm layer cache", size, async () =>
    scanImage(await open(gz), { cache, extractors: [] }),
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
