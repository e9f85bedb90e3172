export * from "./package-record.js";
export * from "./extractor.js";
export { extractors } from "./registry.js";
export { extractFile, selectExtractor, isSupportedPath, type ExtractFileOptions } from "./extract-file.js";
export { discover, findSupportedFiles, DEFAULT_SKIPPED_DIRS, type DiscoverOptions } from "./discover.js";
export { packagePurl, normalizePythonName } from "./purl.js";
