export type { SecretRule, RuleAllowlist, Verdict } from "./rule.js";
export { builtinRules, ruleFamilies } from "./rules/index.js";
export {
  SecretScanner,
  scanText,
  TOOL,
  type SecretFinding,
  type ScannerOptions,
  type GlobalAllowlist,
  type TextScanResult,
  type SkipReason,
} from "./scanner.js";
export type { TextInput } from "./text-input.js";
export {
  IgnoreList,
  IGNORE_FILE_NAME,
  GITLEAKS_IGNORE_FILE_NAME,
  type IgnoreCandidate,
} from "./ignore-list.js";
export { DEFAULT_PATH_ALLOWLIST, DEFAULT_TEST_PATHS, type TestPathMode } from "./path-policy.js";
export { KeywordMatcher } from "./aho-corasick.js";
export { shannonEntropy } from "./entropy.js";
export { placeholderReason } from "./placeholder.js";
export { redact } from "./redact.js";
export { expandExample } from "./examples.js";
export { verifyBase62Crc32Token, base62Crc32 } from "./checksum/base62-crc.js";
export { verifyJwt } from "./checksum/jwt.js";
export { verifyPypiToken } from "./checksum/pypi-macaroon.js";
export {
  scanDirectory,
  setScanWorkerScript,
  scanWorkerScript,
  toScanResult,
  type DirectoryScanOptions,
  type DirectoryScanResult,
  type DirectoryScanStats,
} from "./scan-directory.js";
export { isScanWorkerThread, startScanWorker, type ScanItem } from "./scan-worker.js";
export { ScanPool, type PoolOptions } from "./scan-pool.js";
export { reviveFinding, type FileOutcome, type TransferredFinding } from "./scan-file.js";
export { toWorkerInit, type WorkerScannerInit } from "./worker-init.js";
export { walkTree, walkTreeSync, type WalkOptions, type WalkResult } from "./walk.js";
export {
  compileSecretsConfig,
  compileUserRegex,
  type SecretsConfig,
  type CustomRuleConfig,
  type CustomAllowlistConfig,
  type CompiledSecretsConfig,
} from "./custom-rules.js";
export { importGitleaksConfig, type GitleaksImport } from "./gitleaks-config.js";
export { translateGoRegex } from "./go-regex.js";
export {
  loadRepoSettings,
  GITLEAKS_CONFIG_FILE_NAME,
  type RepoSettings,
  type RepoSettingsOptions,
} from "./repo-settings.js";
export { checkRedos, type RedosVerdict } from "./redos-check.js";
export { nestedUnboundedRepetition } from "./nested-quantifier.js";
