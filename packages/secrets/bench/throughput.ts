// Throughput of scanDirectory over ~200 MB of real source: this repository's and its node_modules'
// own .js/.ts files, copied (paths flattened so nothing sits under node_modules) into a temp dir.
// Single thread vs worker threads. Run with `pnpm --filter @bulwark/secrets bench`.
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { scanDirectory } from "../src/scan-directory.js";
import { buildWorkerScript } from "../src/test-support/build-worker.js";

const REPO = process.env["BULWARK_REPO"] ?? "/work/main";
const TARGET_BYTES = Number(process.env["BENCH_MB"] ?? 200) * 1024 * 1024;
const SOURCE = /\.(?:[cm]?js|[cm]?ts|tsx|jsx)$/;

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== ".git" && e.name !== "dist-bench") yield* sourceFiles(p);
    else if (e.isFile() && SOURCE.test(e.name) && !e.name.includes(".min.")) yield p;
  }
}

async function buildCorpus(out: string): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  let files = 0;
  for (let round = 0; bytes < TARGET_BYTES; round++) {
    const before = bytes;
    for await (const file of sourceFiles(REPO)) {
      const size = (await stat(file)).size;
      if (size > 2 * 1024 * 1024) continue;
      const rel = relative(REPO, file).replace(/node_modules/g, "nm");
      const dest = join(out, `r${round}`, rel);
      await mkdir(dirname(dest), { recursive: true });
      await copyFile(file, dest);
      bytes += size;
      files++;
      if (bytes >= TARGET_BYTES) break;
    }
    if (bytes === before) throw new Error(`no source files under ${REPO}`);
  }
  return { files, bytes };
}

const out = await mkdtemp(join(tmpdir(), "bulwark-secrets-bench-"));
try {
  const t0 = performance.now();
  const corpus = await buildCorpus(out);
  console.log(
    `corpus: ${corpus.files} files, ${(corpus.bytes / 1048576).toFixed(1)} MiB (built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const workerScript = await buildWorkerScript(process.env["BULWARK_SECRETS_DIR"]);
  // BENCH_THREADS="1,2,1,2" repeats modes to show the variance on a shared machine.
  const modes = (process.env["BENCH_THREADS"] ?? `1,${availableParallelism()}`).split(",").map(Number);
  for (const threads of modes) {
    // One warm-up pass over the page cache, then the measured pass.
    if (threads === modes[0]) await scanDirectory(out, { threads, workerScript });
    const started = performance.now();
    const result = await scanDirectory(out, { threads, workerScript });
    const seconds = (performance.now() - started) / 1000;
    const mb = result.stats.bytes / 1048576;
    const byRule = new Map<string, number>();
    for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    console.log(
      `threads=${result.stats.threads}: ${mb.toFixed(1)} MiB in ${seconds.toFixed(2)} s = ${(mb / seconds).toFixed(1)} MiB/s; ` +
        `files=${result.stats.files} skipped=${JSON.stringify(result.stats.skippedByReason)} findings=${result.findings.length}`,
    );
    if (threads === modes[modes.length - 1])
      console.log(
        `findings by rule: ${JSON.stringify(Object.fromEntries([...byRule].sort((a, b) => b[1] - a[1])))}`,
      );
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
