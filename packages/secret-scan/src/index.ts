export { secretScanCheck } from "./definition.js";
export { scanHistory, type HistoryScanResult, type HistoryScanStats } from "./scan-history.js";
export { streamAddedLines, logArgs, parseNewPath, type PatchEvent, type CommitInfo } from "./patch-stream.js";
export { chooseTarget, type ScanMode, type ScanTarget } from "./scan-target.js";
export { ensureRange, type EnsureOutcome } from "./ensure-commits.js";
export { ENGINE_VERSION } from "./version.js";
