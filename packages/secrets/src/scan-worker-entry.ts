// The default worker script (dist/scan-worker-entry.js): a thread started by the scan pool.
import { startScanWorker } from "./scan-worker.js";

startScanWorker();
