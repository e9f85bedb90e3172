export { secretScanCheck } from "./definition.js";
export { scanHistory, type HistoryScanResult, type HistoryScanStats } from "./scan-history.js";
export { streamAddedLines, logArgs, parseNewPath, type PatchEvent, type CommitInfo } from "./patch-stream.js";
export { chooseTarget, type ScanMode, type ScanTarget } from "./scan-target.js";
export { ensureRange, type EnsureOutcome } from "./ensure-commits.js";
export { ENGINE_VERSION } from "./version.js";
// A bundled program runs its own file as the scan's worker threads (see actions/secret-scan/src/main.ts).
export { isScanWorkerThread, setScanWorkerScript, startScanWorker } from "@bulwark/secrets";
