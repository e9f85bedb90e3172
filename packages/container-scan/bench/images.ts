// The whole container-scan pipeline on Debian's docker-registry (127.0.0.1): the debootstrapped Debian
// rootfs (about 200 MB uncompressed) gzipped as a base image, and ten app images on it, each with its own
// small layer. Each scenario runs in a child process so its peak RSS is its own:
// - one image, cold (empty layer cache), then again in the same process with the layer cache warm;
// - ten images sharing the base, cold: the base layer must be downloaded and read once;
// - the same with OS packages only: no npm lookups, so the offline npm export (the largest) is not loaded.
// Run: pnpm --filter @bulwark/container-scan bench
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { LayerCache, parseImageReference, RegistryClient } from "@bulwark/containers";
import { OfflineSource } from "@bulwark/osv";
import { ensureDebianRootfs } from "../../containers/src/test-support/debian-rootfs.js";
import { layerTar } from "../../containers/src/test-support/layer-tar.js";
import { pushImage } from "../../containers/src/test-support/push-image.js";
import { startRegistry } from "../../containers/src/test-support/registry-server.js";
import { scanContainers } from "../src/scan-containers.js";

const OSV_DB = fileURLToPath(new URL("../../../../shared/osv-db/", import.meta.url));

interface Scenario {
  images: string[];
  /** Scan again in the same process with the now warm layer cache. */
  again?: boolean;
  /** false: OS packages only (no npm lookups, so the offline npm export is never loaded). */
  languagePackages?: boolean;
}

async function scenario(s: Scenario): Promise<void> {
  const cache = new LayerCache();
  const client = new RegistryClient({ dockerConfig: false });
  const run = async () => {
    const start = performance.now();
    const result = await scanContainers({
      workspace: process.cwd(),
      root: process.cwd(),
      images: s.images,
      discover: { dockerfiles: false, compose: false, kubernetes: false },
      source: new OfflineSource({ base: OSV_DB }),
      client,
      cache,
      concurrency: 2,
      languagePackages: s.languagePackages ?? true,
    });
    const errors = result.problems.filter((p) => p.level === "error");
    if (errors.length) throw new Error(errors.map((e) => e.message).join("; "));
    return { ms: performance.now() - start, stats: result.stats };
  };
  const cold = await run();
  const warm = s.again ? await run() : undefined;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ cold, warm, rssMb }));
}

async function main(): Promise<void> {
  const rootfs = await ensureDebianRootfs();
  const tar = readFileSync(rootfs.tar);
  const base = { data: gzipSync(tar, { level: 6 }), createdBy: "ADD rootfs.tar / # debootstrap bookworm" };
  const registry = await startRegistry();
  try {
    const client = new RegistryClient({ dockerConfig: false });
    const images: string[] = [];
    for (let i = 0; i < 10; i++) {
      const name = `${registry.host}/bench/app-${i}`;
      const own = await layerTar(
        [
          {
            path: `srv/app-${i}/package-lock.json`,
            content: JSON.stringify({
              name: `app-${i}`,
              lockfileVersion: 3,
              packages: { "": { name: `app-${i}` }, "node_modules/lodash": { version: "4.17.20" } },
            }),
          },
        ],
        { gzip: true },
      );
      await pushImage(client, parseImageReference(name), "1", [
        base,
        { data: own, createdBy: "COPY . /srv" },
      ]);
      images.push(`${name}:1`);
    }
    console.log(
      `base layer: ${(tar.length / 1e6).toFixed(0)} MB uncompressed, ${(base.data.length / 1e6).toFixed(0)} MB gzipped (${rootfs.debootstrapped ? "debootstrap bookworm minbase" : "fallback rootfs"})`,
    );
    const child = (s: Scenario) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [...process.execArgv, fileURLToPath(import.meta.url), JSON.stringify(s)],
          {
            encoding: "utf8",
            maxBuffer: 16 << 20,
          },
        ).trim(),
      ) as {
        cold: { ms: number; stats: Record<string, number> };
        warm?: { ms: number; stats: Record<string, number> };
        rssMb: number;
      };
    const line = (label: string, r: { ms: number; stats: Record<string, number> }, rss: number) =>
      console.log(
        `${label.padEnd(38)} ${(r.ms / 1000).toFixed(2).padStart(6)} s  layers ${r.stats.layers}, read ${r.stats["layers-read"]}  packages ${r.stats.packages}  peak RSS ${rss.toFixed(0)} MB`,
      );
    const one = child({ images: [images[0]!], again: true });
    line("one image, cold", one.cold, one.rssMb);
    line("one image, warm layer cache", one.warm!, one.rssMb);
    const ten = child({ images });
    line("ten images sharing the base, cold", ten.cold, ten.rssMb);
    const os = child({ images, languagePackages: false });
    line("ten images, OS packages only, cold", os.cold, os.rssMb);
  } finally {
    await registry.stop();
  }
}

const arg = process.argv[2];
if (arg) await scenario(JSON.parse(arg) as Scenario);
else await main();
