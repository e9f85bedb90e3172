// Working-tree throughput of scanDirectory over real source (see corpus.ts; BENCH_MB, default 300):
// one thread, then worker threads on every core. MiB/s counts the bytes scanned (binaries, minified
// and allowlisted files are skipped and not counted); CPU-seconds show the cost apart from the load
// other processes put on a shared machine. Run with `pnpm --filter @bulwark/secrets bench`.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { scanDirectory } from "../src/scan-directory.js";
import { buildWorkerScript } from "../src/test-support/build-worker.js";
import { buildCorpus, describeCorpus, mib } from "./corpus.js";
import { measureThreads } from "./thread-cpu.js";

const TARGET_BYTES = Number(process.env["BENCH_MB"] ?? 300) * 1024 * 1024;

// BENCH_TREE=<dir>: build the corpus there once and keep it, so repeated runs (and profiles) skip the copy.
const kept = process.env["BENCH_TREE"];
const out = kept ?? (await mkdtemp(join(tmpdir(), "bulwark-secrets-bench-")));
try {
  const t0 = performance.now();
  const corpus =
    kept && existsSync(join(kept, "planted"))
      ? await describeCorpus(kept)
      : await buildCorpus(out, TARGET_BYTES);
  console.log(
    `tree: ${corpus.files} files, ${mib(corpus.bytes)} MiB (copied in ${((performance.now() - t0) / 1000).toFixed(1)} s); load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const workerScript = await buildWorkerScript(process.env["BULWARK_SECRETS_DIR"]);
  // BENCH_THREADS="1,2,1,2" repeats modes to show the variance on a shared machine.
  const modes = (process.env["BENCH_THREADS"] ?? `1,${availableParallelism()}`).split(",").map(Number);
  await scanDirectory(out, { threads: 1, workerScript }); // warm the page cache and the JIT
  for (const threads of modes) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { result, cpu: perThread } = await measureThreads(() =>
      scanDirectory(out, { threads, workerScript }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const mb = result.stats.bytes / 1048576;
    const planted = new Set(
      result.findings.map((f) => f.location?.path).filter((p) => p?.startsWith("planted/")),
    );
    const outside = result.findings.filter((f) => !f.location?.path.startsWith("planted/"));
    const busiest = Math.max(perThread.main, ...perThread.workers) / 1000;
    console.log(
      `tree threads=${result.stats.threads}: ${mb.toFixed(1)} MiB scanned in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(1)} MiB/s ` +
        `(${(result.stats.bytes / 1e6 / seconds).toFixed(1)} MB/s; ${(mb / cpuSeconds).toFixed(1)} MiB per CPU-second); load average ${loadavg()[0]!.toFixed(1)}; ` +
        `files=${result.stats.files} skipped=${JSON.stringify(result.stats.skippedByReason)}; ` +
        `planted found ${planted.size}/${corpus.planted.size}, other findings ${outside.length}`,
    );
    if (busiest > 0)
      console.log(
        `  CPU by thread: this ${perThread.main} ms, workers ${perThread.workers.join(", ") || "none"} ms, V8/libuv helpers ${perThread.helpers} ms; ` +
          `with a core per thread (bytes / busiest thread's CPU): ${(mb / busiest).toFixed(1)} MiB/s (${(result.stats.bytes / 1e6 / busiest).toFixed(1)} MB/s)`,
      );
  }
} finally {
  if (!kept) await rm(out, { recursive: true, force: true });
}
