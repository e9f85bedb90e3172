export {
  parseImageReference,
  formatImageReference,
  ReferenceError,
  DOCKER_HUB,
  type ImageReference,
} from "./reference.js";
export {
  RegistryClient,
  RegistryError,
  type RegistryClientOptions,
  type FetchedManifest,
  type ResolvedImage,
} from "./registry/client.js";
export { readDockerConfigCredentials, normaliseHost, type Credential } from "./registry/credentials.js";
export { DigestMismatchError, sha256Digest, verifyingStream } from "./registry/digest-stream.js";
export { parseWwwAuthenticate, type Challenge } from "./registry/www-authenticate.js";
export { Limiter } from "./registry/limiter.js";
export * from "./registry/media-types.js";
export { registryImageSource } from "./registry/registry-source.js";
export type { ImageSource, SourceLayer } from "./image-source.js";
export { dockerArchiveSource } from "./local/docker-archive.js";
export { ociLayoutSource, localImageSource, type OciLayoutOptions } from "./local/oci-layout.js";
export { openArchive, type ArchiveReader } from "./local/archive-reader.js";
export { LayerCache } from "./layers/layer-cache.js";
export {
  readLayer,
  type LayerChanges,
  type LayerEntry,
  type LayerReadOptions,
} from "./layers/layer-changes.js";
export { ImageFilesystem, type FileVersion } from "./layers/image-filesystem.js";
export { cleanTarPath, resolveLinkTarget } from "./layers/tar-path.js";
export type { ImagePackage, LayerInfo } from "./inventory/image-package.js";
export { parseOsRelease, osInfoFromRelease, osvEcosystem, type OsInfo } from "./inventory/os-release.js";
export { parseDpkgStatus, DpkgParseError, type DpkgPackage } from "./inventory/dpkg.js";
export { parseApkInstalled, ApkParseError, type ApkPackage } from "./inventory/apk.js";
export { osPackages } from "./inventory/os-packages.js";
export { scanImage, type ScanImageOptions, type ImageInventory } from "./scan-image.js";
export { openImage, type OpenImageOptions } from "./open-image.js";
export { packageQuery } from "./matching/package-query.js";
export { commonLayerPrefix, type LayerIdentity } from "./matching/common-layers.js";
export { matchInventories, matchable, type InventoryMatches } from "./matching/match-inventories.js";
export {
  imageFindings,
  shortDigest,
  CONTAINER_TOOL,
  type ImageFindingContext,
  type ImageFindingsResult,
} from "./matching/image-finding.js";
export {
  toCycloneDx,
  CYCLONEDX_SPEC_VERSION,
  type CycloneDxBom,
  type CycloneDxComponent,
  type CycloneDxOptions,
  type CycloneDxProperty,
} from "./sbom/cyclonedx.js";
export { packagePurl } from "./sbom/package-purl.js";
export {
  parseRpmHeader,
  rpmPackageFromHeader,
  parseSourceRpm,
  RpmHeaderError,
  RPMTAG,
  type RpmHeader,
  type RpmPackage,
} from "./inventory/rpm-header.js";
export { readRpmSqlite, RpmDatabaseError, type RpmDatabaseResult } from "./inventory/rpmdb-sqlite.js";
export { rpmPackages, RPM_DATABASES, RPM_SQLITE_DATABASES } from "./inventory/rpm-packages.js";
export { SqliteFile, SqliteFormatError, type SqliteRow, type SqliteValue } from "./inventory/sqlite-table.js";
