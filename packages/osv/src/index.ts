// @bulwark/osv: OSV records, range evaluation, alias grouping, offline exports and the osv.dev API.
export * from "./records/osv-record.js";
export {
  splitEcosystem,
  exportEcosystem,
  ecosystemApplies,
  type EcosystemParts,
} from "./records/ecosystem.js";
export { normalizeRepoUrl } from "./records/repo-url.js";
export { packageKey } from "./records/package-key.js";
export { parseOsvRecord, checkOsvRecord } from "./records/parse-record.js";
export { readZipRecords, type ZipReadProblem } from "./records/read-zip.js";
export { ZipDirectory, type ZipEntry } from "./records/zip-directory.js";
export { OsvIndex, slimRecord } from "./records/osv-index.js";
export {
  isAffected,
  affectedEntryApplies,
  type AffectedStatus,
  type AffectedResult,
  type GitAncestry,
  type IsAffectedOptions,
} from "./matching/is-affected.js";
export {
  matchPackages,
  type MatchOptions,
  type MatchResult,
  type PackageMatch,
  type UnresolvedPackage,
} from "./matching/match-packages.js";
export { gitAncestryFromClones } from "./matching/git-ancestry.js";
export { matchToFinding, type ToFindingOptions } from "./matching/to-finding.js";
export { groupRecords, preferredId, compareIdUsefulness, type RecordGroup } from "./grouping/alias-groups.js";
export type { VulnerabilitySource, SourceResult, SourceProblem } from "./sources/vulnerability-source.js";
export {
  OfflineSource,
  DEFAULT_EXPORT_BASE,
  type OfflineSourceOptions,
  type ExportEvent,
} from "./sources/offline-source.js";
export {
  OnlineSource,
  DEFAULT_API_BASE,
  MAX_BATCH_QUERIES,
  type OnlineSourceOptions,
  type ApiQuery,
} from "./sources/online-source.js";
export {
  BadBodyError,
  fetchReadWithRetry,
  fetchWithRetry,
  readJsonBody,
  retryAfterMs,
  HttpError,
  type RetryOptions,
} from "./sources/http-retry.js";
export { Crc32c, crc32c, crc32cOfFile, crc32cFromGoogHash } from "./checksum/crc32c.js";
export * from "./versions/index.js";
export * from "./cvss/index.js";
export * from "./names/index.js";
