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
  /** [0]: index of the item being scanned within its batch (-1 before the first), [1]: that batch's id. */
  progress: Int32Array;
  /** Batches posted to the worker and not yet answered, oldest first. */
  inflight: Batch[];
  /** What the watchdog last saw, and since when. */
  seen: { id: number; index: number; since: number };
}

/**
 * Batches posted to a worker ahead: it starts the next as soon as it answers one, instead of idling until
 * this thread (busy scanning batches of its own between messages) posts another.
 */
const DEPTH = 2;

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

  /** Starts every worker now (their start-up then overlaps whatever this thread does next). */
  start(): void {
    while (this.slots.size < this.options.threads) this.spawn();
  }

  private dispatch(): void {
    for (const slot of this.slots) this.feed(slot);
    while (this.queue.length > 0 && this.slots.size < this.options.threads) this.spawn();
  }

  private feed(slot: Slot): void {
    while (slot.inflight.length < DEPTH && this.queue.length > 0) {
      const batch = this.queue.shift()!;
      slot.inflight.push(batch);
      slot.worker.postMessage({ id: batch.id, items: batch.items } satisfies ScanJob);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.waiting) reject(error);
    this.waiting.clear();
    void this.close();
  }

  private spawn(): void {
    const progress = new SharedArrayBuffer(8);
    const data: ScanWorkerData = {
      mark: SCAN_WORKER_MARK,
      root: this.options.root,
      init: this.options.init,
      progress,
    };
    const slot: Slot = {
      worker: new Worker(this.options.script, { workerData: data }),
      progress: new Int32Array(progress),
      inflight: [],
      seen: { id: -1, index: -1, since: performance.now() },
    };
    // -1 until the worker starts an item, so a new thread's start-up is not charged to any.
    slot.progress[0] = -1;
    slot.progress[1] = -1;
    this.slots.add(slot);
    slot.worker.on("message", (msg: ScanJobResult) => {
      const at = slot.inflight.findIndex((b) => b.id === msg.id);
      if (at < 0) return;
      const [batch] = slot.inflight.splice(at, 1);
      batch!.resolve(msg.outcomes);
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
      const id = Atomics.load(slot.progress, 1);
      const index = Atomics.load(slot.progress, 0);
      if (id !== slot.seen.id || index !== slot.seen.index) {
        slot.seen = { id, index, since: now };
        continue;
      }
      const batch = slot.inflight.find((b) => b.id === id);
      if (!batch || index < 0 || now - slot.seen.since < this.timeoutMs) continue;
      // Stuck: report this item; the batch's other items (their results died with the worker) and the
      // worker's other batches go back to the front of the queue, and a fresh worker replaces this one.
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
      const retry: Batch[] = slot.inflight.filter((b) => b !== batch);
      if (rest.length > 0)
        retry.unshift({
          id: this.nextId++,
          items: rest,
          resolve: (outcomes) =>
            batch.resolve([...outcomes.slice(0, index), stuck, ...outcomes.slice(index)]),
        });
      else batch.resolve([stuck]);
      this.queue.unshift(...retry);
      this.dispatch();
    }
  }
}

/**
 * Scans a tree's files (relative to options.root) in batches on worker threads, in the given order: for
 * custom rules, whose time the watchdog bounds (built-in rules use TreeWorkers, with this thread too).
 */
export async function scanOnWorkers(
  files: readonly string[],
  options: PoolOptions & { batchSize: number },
): Promise<FileOutcome[]> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += options.batchSize)
    batches.push(files.slice(i, i + options.batchSize));
  const pool = new ScanPool(options);
  try {
    return (await Promise.all(batches.map((b) => pool.scan(b)))).flat();
  } finally {
    await pool.close();
  }
}
