// @bulwark/osv-scan: the dependency vulnerability check (lockfiles -> OSV -> findings).
export { osvScanCheck } from "./definition.js";
export { osvDatabaseInputs } from "./database-inputs.js";
export { scanDependencies, type ScanOptions, type VulnerablePackage } from "./scan-dependencies.js";
export { collectLockfiles, type CollectOptions } from "./collect-lockfiles.js";
export {
  chooseDatabase,
  FallbackSource,
  offlineSource,
  onlineSource,
  type DatabaseMode,
  type DatabaseOptions,
} from "./choose-database.js";
export { dependencyFinding, TOOL } from "./dependency-finding.js";
export {
  parseOsvScannerConfig,
  ignoreRulesFor,
  osvScannerIgnores,
  OSV_SCANNER_CONFIG,
  type OsvScannerIgnores,
} from "./osv-scanner-config.js";
export { scanSummary, scanComment, upgrades, type Upgrade, type SummaryContext } from "./scan-summary.js";
export { lockfilesAtCommit, resolveCommit, type CommitLockfiles } from "./lockfiles-at-commit.js";
export { compareWithBase, type BaseComparison, type CompareOptions } from "./compare-with-base.js";
export {
  readSlaPolicy,
  applySla,
  SLA_LABEL,
  type SlaPolicy,
  type SlaStatus,
  type SlaOptions,
} from "./sla.js";
export { ENGINE_VERSION } from "./version.js";
