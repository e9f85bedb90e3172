// Loading and indexing the largest export zip: time and peak memory. Targets: < 3 s, < 1 GiB.
import { OsvIndex } from "../src/records/osv-index.js";
import { largestExport, peakRssMiB, report } from "./shared.js";

const { ecosystem, path, bytes } = largestExport();
const start = performance.now();
const cpu = process.cpuUsage();
const index = await OsvIndex.fromZip(path);
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const rss = peakRssMiB();
report(`load + index ${ecosystem}/all.zip`, [
  ["zip size (MiB)", (bytes / 2 ** 20).toFixed(1)],
  ["records indexed (withdrawn left out)", index.size],
  ["unreadable entries", index.problems.length],
  ["seconds wall (target < 3)", seconds.toFixed(2)],
  ["seconds CPU (wall is inflated on a shared machine)", cpuSeconds.toFixed(2)],
  ["peak RSS MiB (target < 1024)", rss.toFixed(0)],
  ["heap used after load MiB", (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)],
]);
