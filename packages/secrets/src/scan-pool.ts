// Scans files on worker threads. Files go out in batches, each worker takes the next batch when it is
// done (so a slow batch does not hold the others up), and a watchdog bounds the time any one file may
// take: a JavaScript regex cannot be interrupted on its own thread, so a worker stuck on one file (a
// custom rule backtracking) is terminated, the file is reported as not scanned, and a fresh worker goes
// on with the rest of its batch.
import { Worker } from "node:worker_threads";
import type { FileOutcome } from "./scan-file.js";
import { SCAN_WORKER_MARK, type ScanJob, type ScanJobResult, type ScanWorkerData } from "./scan-worker.js";
import type { WorkerScannerInit } from "./worker-init.js";

export interface PoolOptions {
  root: string;
  init: WorkerScannerInit;
  script: string | URL;
  threads: number;
  batchSize: number;
  /** A file still being scanned after this long ends its worker (default 10 s). */
  fileTimeoutMs: number;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  job?: { id: number; files: string[]; lastIndex: number; since: number };
}

export async function scanOnWorkers(files: readonly string[], options: PoolOptions): Promise<FileOutcome[]> {
  const queue: { id: number; files: string[] }[] = [];
  let nextId = 0;
  for (let i = 0; i < files.length; i += options.batchSize)
    queue.push({ id: nextId++, files: files.slice(i, i + options.batchSize) });
  const results = new Map<number, FileOutcome[]>();
  const slots = new Set<Slot>();

  return new Promise<FileOutcome[]>((resolve, reject) => {
    let failed = false;
    const finish = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      clearInterval(watchdog);
      const workers = [...slots].map((s) => s.worker);
      slots.clear();
      void Promise.all(workers.map((w) => w.terminate())).then(() => {
        if (error) return reject(error);
        // In the walk's order, also when a stuck file split a batch.
        const order = new Map(files.map((f, i) => [f, i]));
        const all = [...results.values()].flat();
        resolve(all.sort((a, b) => order.get(a.path)! - order.get(b.path)!));
      });
    };
    const feed = (slot: Slot) => {
      const job = queue.shift();
      if (!job) {
        slot.job = undefined;
        if ([...slots].every((s) => s.job === undefined)) finish();
        return;
      }
      Atomics.store(slot.progress, 0, 0);
      slot.job = { ...job, lastIndex: 0, since: performance.now() };
      slot.worker.postMessage({ id: job.id, files: job.files } satisfies ScanJob);
    };
    const spawn = () => {
      const progress = new SharedArrayBuffer(4);
      const data: ScanWorkerData = {
        mark: SCAN_WORKER_MARK,
        root: options.root,
        init: options.init,
        progress,
      };
      const slot: Slot = {
        worker: new Worker(options.script, { workerData: data }),
        progress: new Int32Array(progress),
      };
      slots.add(slot);
      slot.worker.on("message", (msg: ScanJobResult) => {
        results.set(msg.id, msg.outcomes);
        feed(slot);
      });
      slot.worker.on("error", (e) => finish(new Error(`secret-scan worker failed: ${e.message}`)));
      slot.worker.on("exit", (code) => {
        if (slots.has(slot) && code !== 0) finish(new Error(`secret-scan worker exited with code ${code}`));
      });
      feed(slot);
    };
    const watchdog = setInterval(
      () => {
        const now = performance.now();
        for (const slot of [...slots]) {
          const job = slot.job;
          if (!job) continue;
          const index = Atomics.load(slot.progress, 0);
          if (index !== job.lastIndex) {
            job.lastIndex = index;
            job.since = now;
            continue;
          }
          if (now - job.since < options.fileTimeoutMs) continue;
          // Stuck: report this file, requeue the others of its batch (their results died with the worker)
          // ahead of the rest, and replace the worker.
          const path = job.files[index]!;
          slots.delete(slot);
          void slot.worker.terminate();
          const stuck: FileOutcome = {
            path,
            bytes: 0,
            findings: [],
            problem: {
              level: "error",
              path,
              message: `not scanned: scanning took over ${Math.round(options.fileTimeoutMs / 1000)} s (a custom rule's regex backtracking?); the rest of the scan went on`,
            },
          };
          results.set(job.id, [stuck]);
          const rest = job.files.filter((_, i) => i !== index);
          if (rest.length > 0) queue.unshift({ id: nextId++, files: rest });
          spawn();
        }
      },
      Math.min(250, options.fileTimeoutMs / 4),
    );
    for (let i = 0; i < Math.min(options.threads, queue.length); i++) spawn();
    if (queue.length === 0 && slots.size === 0) finish();
  });
}
