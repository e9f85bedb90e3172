// Scans on worker threads. Batches queue up and each worker takes the next when it is done (so a slow
// batch does not hold the others up), and a watchdog bounds the time any one item may take: a
// JavaScript regex cannot be interrupted on its own thread, so a worker stuck on one file or text (a
// custom rule backtracking) is terminated, the item is reported as not scanned, and a fresh worker goes
// on with the rest of its batch.
import { Worker } from "node:worker_threads";
import type { FileOutcome } from "./scan-file.js";
import {
  SCAN_WORKER_MARK,
  type ScanItem,
  type ScanJob,
  type ScanJobResult,
  type ScanWorkerData,
} from "./scan-worker.js";
import type { WorkerScannerInit } from "./worker-init.js";

export interface PoolOptions {
  /** Directory file items are relative to. */
  root: string;
  init: WorkerScannerInit;
  script: string | URL;
  threads: number;
  /** An item still being scanned after this long ends its worker (default 10 s). */
  itemTimeoutMs?: number;
}

interface Batch {
  id: number;
  items: ScanItem[];
  resolve(outcomes: FileOutcome[]): void;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  batch?: Batch & { lastIndex: number; since: number };
}

const pathOf = (item: ScanItem) => (typeof item === "string" ? item : item.path);

export class ScanPool {
  private readonly queue: Batch[] = [];
  private readonly slots = new Set<Slot>();
  private readonly waiting = new Set<(e: Error) => void>();
  private failure: Error | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private nextId = 0;
  private readonly timeoutMs: number;

  constructor(private readonly options: PoolOptions) {
    this.timeoutMs = options.itemTimeoutMs ?? 10_000;
  }

  /** Scans one batch; outcomes come back in the batch's order. */
  scan(items: ScanItem[]): Promise<FileOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<FileOutcome[]>((resolve, reject) => {
      const done = (outcomes: FileOutcome[]) => {
        this.waiting.delete(reject);
        resolve(outcomes);
      };
      this.waiting.add(reject);
      this.queue.push({ id: this.nextId++, items, resolve: done });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    const workers = [...this.slots].map((s) => s.worker);
    this.slots.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) if (!slot.batch) this.feed(slot);
    while (this.queue.length > 0 && this.slots.size < this.options.threads) this.spawn();
  }

  private feed(slot: Slot): void {
    const batch = this.queue.shift();
    // -1 until the worker starts the first item, so a new thread's start-up is not charged to it.
    slot.batch = batch ? { ...batch, lastIndex: -1, since: performance.now() } : undefined;
    if (!batch) return;
    Atomics.store(slot.progress, 0, -1);
    slot.worker.postMessage({ id: batch.id, items: batch.items } satisfies ScanJob);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.waiting) reject(error);
    this.waiting.clear();
    void this.close();
  }

  private spawn(): void {
    const progress = new SharedArrayBuffer(4);
    const data: ScanWorkerData = {
      mark: SCAN_WORKER_MARK,
      root: this.options.root,
      init: this.options.init,
      progress,
    };
    const slot: Slot = {
      worker: new Worker(this.options.script, { workerData: data }),
      progress: new Int32Array(progress),
    };
    this.slots.add(slot);
    slot.worker.on("message", (msg: ScanJobResult) => {
      const batch = slot.batch;
      if (batch?.id !== msg.id) return;
      slot.batch = undefined;
      batch.resolve(msg.outcomes);
      this.feed(slot);
    });
    slot.worker.on("error", (e) => this.fail(new Error(`secret-scan worker failed: ${e.message}`)));
    slot.worker.on("exit", (code) => {
      if (this.slots.has(slot) && code !== 0)
        this.fail(new Error(`secret-scan worker exited with code ${code}`));
    });
    this.watchdog ??= setInterval(() => this.check(), Math.min(250, this.timeoutMs / 4)).unref();
    this.feed(slot);
  }

  private check(): void {
    const now = performance.now();
    for (const slot of [...this.slots]) {
      const batch = slot.batch;
      if (!batch) continue;
      const index = Atomics.load(slot.progress, 0);
      if (index !== batch.lastIndex) {
        batch.lastIndex = index;
        batch.since = now;
        continue;
      }
      if (index < 0 || now - batch.since < this.timeoutMs) continue;
      // Stuck: report this item; the batch's other items (their results died with the worker) go back
      // to the front of the queue, and a fresh worker replaces this one.
      this.slots.delete(slot);
      void slot.worker.terminate();
      const path = pathOf(batch.items[index]!);
      const stuck: FileOutcome = {
        path,
        bytes: 0,
        findings: [],
        problem: {
          level: "error",
          path,
          message: `not scanned: scanning took over ${this.timeoutMs} ms (a custom rule's regex backtracking?); the rest of the scan went on`,
        },
      };
      const rest = batch.items.filter((_, i) => i !== index);
      this.queue.unshift({
        id: this.nextId++,
        items: rest,
        resolve: (outcomes) => batch.resolve([...outcomes.slice(0, index), stuck, ...outcomes.slice(index)]),
      });
      if (rest.length === 0) this.queue.shift()!.resolve([]);
      this.dispatch();
    }
  }
}

/**
 * Scans a tree's files (relative to options.root) in batches, in the given order. With `local`, this
 * thread scans batches too, between which it serves the workers' messages: on two cores one worker and
 * this thread beat two workers and an idle thread (a worker's start-up, its own rule compilation and the
 * messages are the price of each). Only for built-in rules, whose time needs no watchdog.
 */
export async function scanOnWorkers(
  files: readonly string[],
  options: PoolOptions & { batchSize: number; local?: (file: string) => FileOutcome },
): Promise<FileOutcome[]> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += options.batchSize)
    batches.push(files.slice(i, i + options.batchSize));
  const results: FileOutcome[][] = new Array<FileOutcome[]>(batches.length);
  let next = 0;
  const workerLanes = options.local ? options.threads - 1 : options.threads;
  const pool = new ScanPool({ ...options, threads: Math.max(1, workerLanes) });
  try {
    const lanes: Promise<void>[] = [];
    // Two batches in flight per worker, so it never waits for this thread between batches.
    for (let w = 0; w < workerLanes * 2; w++)
      lanes.push(
        (async () => {
          for (let i = next++; i < batches.length; i = next++) results[i] = await pool.scan(batches[i]!);
        })(),
      );
    const local = options.local;
    if (local)
      lanes.push(
        (async () => {
          for (let i = next++; i < batches.length; i = next++) {
            results[i] = batches[i]!.map(local);
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        })(),
      );
    await Promise.all(lanes);
    return results.flat();
  } finally {
    await pool.close();
  }
}
