// Worker thread entry: rebuilds the scanner once, then scans batches of files on request.
import { parentPort, workerData } from "node:worker_threads";
import { scanFile, type FileOutcome } from "./scan-file.js";
import { SecretScanner } from "./scanner.js";
import { fromWorkerInit, type WorkerScannerInit } from "./worker-init.js";

interface Job {
  id: number;
  files: string[];
}

const { root, init } = workerData as { root: string; init: WorkerScannerInit };
const scanner = new SecretScanner(fromWorkerInit(init));

parentPort?.on("message", (job: Job) => {
  const outcomes: FileOutcome[] = job.files.map((file) => scanFile(scanner, root, file));
  parentPort?.postMessage({ id: job.id, outcomes });
});
