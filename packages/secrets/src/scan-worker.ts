// The worker side of the scan pool: rebuilds the scanner once, then scans batches (files of a tree, or
// texts such as a commit's added lines) on request, writing the index of the item it is on into shared
// memory so the pool's watchdog can see an item that takes too long (a custom rule's regex
// backtracking) and end the thread. A tree job (built-in rules only) is instead worked through by
// claiming batches from a counter shared with the other threads (shared-tree-scan.ts).
// No side effects on import: a bundle can be its own worker script (see isScanWorkerThread).
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { scanFile, toOutcome, type FileOutcome } from "./scan-file.js";
import { SecretScanner } from "./scanner.js";
import type { TextInput } from "./text-input.js";
import { fromWorkerInit, type WorkerScannerInit } from "./worker-init.js";

export const SCAN_WORKER_MARK = "bulwark-secrets-scan-worker";

export interface ScanWorkerData {
  mark: typeof SCAN_WORKER_MARK;
  /** Directory file items are relative to. */
  root: string;
  init: WorkerScannerInit;
  /** Int32Array over it: [0] the index, within the current batch, of the item being scanned; [1] the batch's id. */
  progress: SharedArrayBuffer;
}

/** A file of the tree (relative path), or a text to scan as it is. */
export type ScanItem = string | TextInput;

export interface ScanJob {
  id: number;
  items: ScanItem[];
}

export interface ScanJobResult {
  id: number;
  outcomes: FileOutcome[];
}

/**
 * A whole tree shared by every thread (see shared-tree-scan.ts): each claims the next batch of `files`
 * by incrementing the counter in `cursor`, until none are left, and answers each batch it scanned.
 */
export interface TreeJob {
  tree: true;
  files: string[];
  batchSize: number;
  /** Int32Array over it: [0] the next batch index to claim. */
  cursor: SharedArrayBuffer;
  /**
   * This worker's gate, Int32Array [0]: 0 until either the worker starts (1) or the calling thread,
   * done with every batch before this worker got going, cancels it (-1) rather than wait for its start-up.
   */
  gate: SharedArrayBuffer;
}

export type TreeJobMessage = { batch: number; outcomes: FileOutcome[] } | { done: true };

/** True on a thread the scan pool started: call startScanWorker() instead of the program's main. */
export function isScanWorkerThread(): boolean {
  return !isMainThread && (workerData as Partial<ScanWorkerData> | null)?.mark === SCAN_WORKER_MARK;
}

export function scanItem(scanner: SecretScanner, root: string, item: ScanItem): FileOutcome {
  if (typeof item === "string") return scanFile(scanner, root, item);
  return toOutcome(item.path, item.text.length, scanner.scanText(item));
}

export function startScanWorker(): void {
  const { root, init, progress } = workerData as ScanWorkerData;
  const scanner = new SecretScanner(fromWorkerInit(init));
  const at = new Int32Array(progress);
  parentPort?.on("message", (job: ScanJob | TreeJob) => {
    if ("tree" in job) {
      if (Atomics.compareExchange(new Int32Array(job.gate), 0, 0, 1) === 0)
        scanTreeBatches(job, (batch, files) =>
          parentPort?.postMessage({
            batch,
            outcomes: files.map((f) => scanFile(scanner, root, f)),
          } satisfies TreeJobMessage),
        );
      parentPort?.postMessage({ done: true } satisfies TreeJobMessage);
      return;
    }
    const outcomes: FileOutcome[] = [];
    Atomics.store(at, 0, -1);
    Atomics.store(at, 1, job.id);
    for (let i = 0; i < job.items.length; i++) {
      Atomics.store(at, 0, i);
      outcomes.push(scanItem(scanner, root, job.items[i]!));
    }
    parentPort?.postMessage({ id: job.id, outcomes } satisfies ScanJobResult);
  });
}

/** Claims batches of a shared tree job until none are left, handing each (its index and files) to `scan`. */
export function scanTreeBatches(
  job: Pick<TreeJob, "files" | "batchSize" | "cursor">,
  scan: (batch: number, files: string[]) => void,
): void {
  const cursor = new Int32Array(job.cursor);
  for (;;) {
    const batch = Atomics.add(cursor, 0, 1);
    const start = batch * job.batchSize;
    if (start >= job.files.length) return;
    scan(batch, job.files.slice(start, start + job.batchSize));
  }
}
