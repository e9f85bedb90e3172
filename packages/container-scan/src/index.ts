// @bulwark/container-scan: the container image check (images -> inventories -> OSV -> findings per image).
export { containerScanCheck } from "./definition.js";
export {
  scanContainers,
  localSpec,
  type ContainerScanOptions,
  type ContainerScanResult,
  type ScannedImage,
} from "./scan-containers.js";
export { imageRequests, parseImageInput, type ImageRequest } from "./image-requests.js";
export {
  discoverImages,
  isComposeFile,
  isDockerfile,
  type Discovery,
  type DiscoverOptions,
} from "./discovery/discover.js";
export {
  parseDockerfile,
  finalStage,
  rootStage,
  baseImages,
  type ParsedDockerfile,
  type DockerfileStage,
} from "./discovery/dockerfile.js";
export {
  composeImages,
  kubernetesImages,
  looksLikeKubernetes,
  type BuiltImage,
  type FoundImage,
} from "./discovery/yaml-images.js";
export { dockerfileMap, layerLocator, normaliseCreatedBy } from "./dockerfile-locations.js";
export { imagesSummary, imageRow, type ImageRow } from "./images-summary.js";
export {
  externalEngines,
  engineArguments,
  ENGINES,
  type EngineChoice,
  type EngineOptions,
  type ExternalEngineName,
} from "./engines/external-engines.js";
export { engineEcosystem } from "./engines/engine-ecosystem.js";
export { trivyFindings } from "./engines/trivy-json.js";
export { grypeFindings } from "./engines/grype-json.js";
export { mergeEngineFindings } from "./engines/merge-findings.js";
export { dockerDaemon, DAEMON_PREFIX, type DockerDaemon } from "./docker-daemon.js";
export { TOOL, ENGINE_VERSION } from "./version.js";
