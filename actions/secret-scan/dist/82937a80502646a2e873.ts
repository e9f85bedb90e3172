// Worker thread entry: rebuilds the scanner once, then scans batches of files on request.
import { parentPort, workerData } from "node:worker_threads";
import { scanFile } from "./scan-file.js";
import { SecretScanner } from "./scanner.js";
import { fromWorkerInit } from "./worker-init.js";
const { root, init } = workerData;
const scanner = new SecretScanner(fromWorkerInit(init));
parentPort?.on("message", (job) => {
    const outcomes = job.files.map((file) => scanFile(scanner, root, file));
    parentPort?.postMessage({ id: job.id, outcomes });
});
