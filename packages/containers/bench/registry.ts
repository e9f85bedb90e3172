// Registry scans at scale, against Debian's docker-registry on 127.0.0.1: a real Debian image of a few
// hundred MB (the debootstrapped rootfs plus layers of files unpacked from real .deb packages in apt's
// cache), cold, warm in-process and warm from the blob directory; ten images sharing that base (the
// base must be fetched once); a 20-layer image. Each scan runs in its own process for its peak RSS.
// Run: pnpm --filter @bulwark/containers bench
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseImageReference, RegistryClient } from "../src/index.js";
import { CACHE_DIR, ensureDebianRootfs } from "../src/test-support/debian-rootfs.js";
import { layerTar } from "../src/test-support/layer-tar.js";
import { pushImage, type BuiltLayer } from "../src/test-support/push-image.js";
import { startRegistry } from "../src/test-support/registry-server.js";

const APT_CACHE = "/var/cache/apt/archives";

/** A gzipped layer of the files of the largest .debs in apt's cache (cached across runs). */
function debLayer(index: number, debs: string[]): Buffer {
  const out = join(CACHE_DIR, `bench-debs-${index}.tar.gz`);
  if (!existsSync(out)) {
    const dir = join(CACHE_DIR, `bench-debs-${index}`);
    execFileSync("rm", ["-rf", dir]);
    execFileSync("mkdir", ["-p", dir]);
    for (const deb of debs) execFileSync("dpkg-deb", ["-x", join(APT_CACHE, deb), dir]);
    execFileSync("sh", [
      "-c",
      `tar -C '${dir}' -cf - . | gzip -1 > '${out}.tmp' && mv '${out}.tmp' '${out}'`,
    ]);
    execFileSync("rm", ["-rf", dir]);
  }
  return readFileSync(out);
}

function gzipLayer(tar: string): Buffer {
  const out = `${tar}.bench.gz`;
  if (!existsSync(out))
    execFileSync("sh", ["-c", `gzip -1 -c '${tar}' > '${out}.tmp' && mv '${out}.tmp' '${out}'`]);
  return readFileSync(out);
}

function scan(mode: "cold" | "warm", cacheDir: string, images: string[]) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, join(import.meta.dirname, "registry-scan.ts"), mode, cacheDir, ...images],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`scan failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
    ms: number;
    maxRssMb: number;
    packages: number[];
    layersRead: number;
    blobFetches: number;
    mostFetchesOfOneBlob: number;
    errors: string[];
  };
}

function report(label: string, mb: number, r: ReturnType<typeof scan>): void {
  console.log(
    `${label.padEnd(52)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${String(r.maxRssMb).padStart(4)} MB  ${String(Math.round(mb)).padStart(4)} MB compressed  ${r.blobFetches} blob fetches (max ${r.mostFetchesOfOneBlob} of one)  ${r.packages.reduce((a, b) => a + b, 0)} packages${r.errors.length ? `  ERRORS: ${r.errors.join("; ")}` : ""}`,
  );
}

const rootfs = await ensureDebianRootfs();
const registry = await startRegistry();
const work = await mkdtemp(join(tmpdir(), "bulwark-containers-regbench-"));
try {
  const client = new RegistryClient({ dockerConfig: false });
  const ref = (name: string) => parseImageReference(`${registry.host}/${name}`);
  const base: BuiltLayer = { data: gzipLayer(rootfs.tar), createdBy: "ADD debian-bookworm-minbase.tar /" };
  const debs = readdirSync(APT_CACHE)
    .filter((f) => f.endsWith(".deb"))
    .map((f) => ({ f, size: statSync(join(APT_CACHE, f)).size }))
    .filter((d) => d.size < 8e6)
    .sort((a, b) => b.size - a.size || a.f.localeCompare(b.f));
  // Three layers of real package files, about 25 MB of .debs each (under 8 MB apiece).
  const groups: string[][] = [[], [], []];
  let group = 0;
  let sum = 0;
  for (const { f, size } of debs) {
    if (group >= groups.length) break;
    groups[group]!.push(f);
    sum += size;
    if (sum > 25e6) {
      group++;
      sum = 0;
    }
  }
  const extra = groups.map((g, i) => ({
    data: debLayer(i, g),
    createdBy: `RUN apt-get install ${g.length} packages`,
  }));
  const big = [base, ...extra];
  const bigMb = big.reduce((n, l) => n + l.data.length, 0) / 1e6;
  await pushImage(client, ref("bench/debian-big"), "1", big);
  const bigUncompressed =
    (statSync(rootfs.tar).size +
      extra.reduce(
        (n, _l, i) =>
          n +
          Number(
            execFileSync("sh", [
              "-c",
              `gzip -l '${join(CACHE_DIR, `bench-debs-${i}.tar.gz`)}' | awk 'NR==2{print $2}'`,
            ]).toString(),
          ),
        0,
      )) /
    1e6;
  console.log(
    `debian-big: ${big.length} layers, ${bigMb.toFixed(0)} MB compressed, ${bigUncompressed.toFixed(0)} MB uncompressed`,
  );

  for (let i = 0; i < 10; i++) {
    const app = await layerTar(
      [
        {
          path: `srv/app${i}/package-lock.json`,
          content: JSON.stringify({
            name: `app${i}`,
            lockfileVersion: 3,
            packages: { "": { name: `app${i}` }, "node_modules/lodash": { version: `4.17.${i}` } },
          }),
        },
      ],
      { gzip: true },
    );
    await pushImage(client, ref(`bench/shared-${i}`), "1", [
      base,
      { data: app, createdBy: `COPY app${i} /srv` },
    ]);
  }
  const many: BuiltLayer[] = [base];
  for (let i = 1; i < 20; i++) {
    many.push({
      data: await layerTar(
        [
          { path: `opt/layer${i}/data.bin`, content: Buffer.alloc(256 * 1024, i) },
          { path: `opt/layer${i}/requirements.txt`, content: `requests==2.${i}.0\n` },
        ],
        { gzip: true },
      ),
      createdBy: `RUN step ${i}`,
    });
  }
  await pushImage(client, ref("bench/twenty-layers"), "1", many);

  const bigImage = [`${registry.host}/bench/debian-big:1`];
  const blobs = join(work, "blobs");
  await mkdir(blobs);
  report("debian-big cold (no cache)", bigMb, scan("cold", "-", bigImage));
  report("debian-big warm (parsed-layer cache, same process)", bigMb, scan("warm", "-", bigImage));
  scan("cold", blobs, bigImage); // fills the blob directory
  report("debian-big warm (blob directory, new process)", bigMb, scan("cold", blobs, bigImage));
  const shared = Array.from({ length: 10 }, (_, i) => `${registry.host}/bench/shared-${i}:1`);
  const sharedResult = scan("cold", "-", shared);
  report("ten images sharing the base, cold, one cache", base.data.length / 1e6, sharedResult);
  if (sharedResult.mostFetchesOfOneBlob !== 1 || sharedResult.blobFetches !== 11)
    throw new Error(`the shared base was fetched more than once: ${JSON.stringify(sharedResult)}`);
  report(
    "20-layer image, cold",
    many.reduce((n, l) => n + l.data.length, 0) / 1e6,
    scan("cold", "-", [`${registry.host}/bench/twenty-layers:1`]),
  );
} finally {
  await registry.stop();
  await rm(work, { recursive: true, force: true });
}
