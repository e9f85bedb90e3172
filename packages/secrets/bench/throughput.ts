// Working-tree throughput of scanDirectory over real source (see corpus.ts; BENCH_MB, default 300):
// one thread, then worker threads on every core. MiB/s counts the bytes scanned (binaries, minified
// and allowlisted files are skipped and not counted); CPU-seconds show the cost apart from the load
// other processes put on a shared machine, and the CPU time of each thread (thread-cpu.ts) how the work
// was split. Run with `pnpm --filter @bulwark/secrets bench`.
//
// BENCH_THREADS="1,2,1,2" repeats modes (the variance on a shared machine shows). Each mode runs warm
// (in this process, after a warm-up scan) and, with BENCH_COLD=1, also cold: a fresh process that loads
// the engine and scans once, as the action does.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { scanDirectory } from "../src/scan-directory.js";
import { buildWorkerScript } from "../src/test-support/build-worker.js";
import { buildCorpus, describeCorpus, mib } from "./corpus.js";
import { measureThreads, type ThreadCpu } from "./thread-cpu.js";

interface Measured {
  threads: number;
  bytes: number;
  files: number;
  skipped: Record<string, number>;
  seconds: number;
  cpuSeconds: number;
  perThread: ThreadCpu;
  plantedFound: number;
  otherFindings: number;
}

async function measure(root: string, threads: number, workerScript: string): Promise<Measured> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { result, cpu: perThread } = await measureThreads(() =>
    scanDirectory(root, { threads, workerScript }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const paths = result.findings.map((f) => f.location?.path ?? "");
  return {
    threads: result.stats.threads,
    bytes: result.stats.bytes,
    files: result.stats.files,
    skipped: result.stats.skippedByReason,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    perThread,
    plantedFound: new Set(paths.filter((p) => p.startsWith("planted/"))).size,
    otherFindings: paths.filter((p) => !p.startsWith("planted/")).length,
  };
}

function report(m: Measured, how: string, planted: number): void {
  const mb = m.bytes / 1048576;
  const cores = availableParallelism();
  console.log(
    `tree threads=${m.threads} ${how}: ${mb.toFixed(1)} MiB scanned in ${m.seconds.toFixed(2)} s = ${(mb / m.seconds).toFixed(1)} MiB/s ` +
      `(${(m.bytes / 1e6 / m.seconds).toFixed(1)} MB/s; ${(mb / m.cpuSeconds).toFixed(1)} MiB per CPU-second); load average ${loadavg()[0]!.toFixed(1)}; ` +
      `files=${m.files} skipped=${JSON.stringify(m.skipped)}; planted found ${planted === 0 ? "-" : `${m.plantedFound}/${planted}`}, other findings ${m.otherFindings}`,
  );
  const { main, workers, helpers } = m.perThread;
  const busiest = Math.max(main, ...workers) / 1000;
  if (busiest === 0) return;
  // On idle cores the scan can take no less than its busiest thread, nor less than all its threads'
  // CPU (V8's compiler and GC helpers included) spread over every core.
  const floor = Math.max(busiest, (main + workers.reduce((a, b) => a + b, 0) + helpers) / 1000 / cores);
  console.log(
    `  CPU by thread: this ${main} ms, workers ${workers.join(", ") || "none"} ms, V8/libuv helpers ${helpers} ms; ` +
      `on ${cores} idle cores at best (bytes / max(busiest thread, all CPU / ${cores})): ${(mb / floor).toFixed(1)} MiB/s (${(m.bytes / 1e6 / floor).toFixed(1)} MB/s)`,
  );
}

const workerScript = await buildWorkerScript(process.env["BULWARK_SECRETS_DIR"]);
const child = process.env["BENCH_CHILD"];
if (child) {
  // A cold run: this process has scanned nothing before.
  const [root, threads] = JSON.parse(child) as [string, number];
  console.log(JSON.stringify(await measure(root, threads, workerScript)));
} else {
  const TARGET_BYTES = Number(process.env["BENCH_MB"] ?? 300) * 1024 * 1024;
  // BENCH_TREE=<dir>: build the corpus there once and keep it, so repeated runs (and profiles) skip the copy.
  const kept = process.env["BENCH_TREE"];
  const out = kept ?? (await mkdtemp(join(tmpdir(), "bulwark-secrets-bench-")));
  try {
    const t0 = performance.now();
    // A kept corpus is reused; a directory that holds anything else is never copied into.
    if (kept && existsSync(kept) && !existsSync(join(kept, "planted")) && readdirSync(kept).length > 0)
      throw new Error(`BENCH_TREE=${kept} is not empty and holds no corpus made by this benchmark`);
    const corpus =
      kept && existsSync(join(kept, "planted"))
        ? await describeCorpus(kept)
        : await buildCorpus(out, TARGET_BYTES);
    console.log(
      `tree: ${corpus.files} files, ${mib(corpus.bytes)} MiB (copied in ${((performance.now() - t0) / 1000).toFixed(1)} s); load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
    );
    const modes = (process.env["BENCH_THREADS"] ?? `1,${availableParallelism()}`).split(",").map(Number);
    await scanDirectory(out, { threads: 1, workerScript }); // warm the page cache and the JIT
    for (const threads of modes) {
      report(await measure(out, threads, workerScript), "warm", corpus.planted.size);
      if (process.env["BENCH_COLD"] !== "1") continue;
      const line = execFileSync(process.execPath, [process.argv[1]!], {
        env: { ...process.env, BENCH_CHILD: JSON.stringify([out, threads]) },
        encoding: "utf8",
      });
      report(JSON.parse(line.trim().split("\n").pop()!) as Measured, "cold", corpus.planted.size);
    }
  } finally {
    if (!kept) await rm(out, { recursive: true, force: true });
  }
}
