// Entry point the runner executes: read the inputs, run, exit with the verdict. The bundle is also the
// script of the scan's worker threads (one file to ship): started as one, it scans instead.
import { isScanWorkerThread, setScanWorkerScript, startScanWorker } from "@bulwark/secret-scan";
import { run } from "./run.js";

if (isScanWorkerThread()) {
  startScanWorker();
} else {
  setScanWorkerScript(new URL(import.meta.url));
  process.exitCode = await run(process.env);
}
