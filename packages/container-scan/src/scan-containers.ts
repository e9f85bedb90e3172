// The container-scan pipeline: images (given and discovered) -> inventories (shared layer cache, bounded
// concurrency) -> one OSV pass over every package -> findings per image that name the layer, the
// instruction and the base image -> one summary row and one SARIF run per image.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import type { Finding, Location, ScanProblem, ScanResult, ScanToolRun } from "@bulwark/core";
import {
  commonLayerPrefix,
  imageFindings,
  LayerCache,
  Limiter,
  matchInventories,
  openImage,
  parseImageReference,
  RegistryClient,
  registryImageSource,
  scanImage,
  toCycloneDx,
  type ImageInventory,
  type ImageSource,
  type LayerIdentity,
  type LayerInfo,
  type Platform,
} from "@bulwark/containers";
import type { VulnerabilitySource } from "@bulwark/osv";
import { discoverImages } from "./discovery/discover.js";
import { parseDockerfile, type ParsedDockerfile } from "./discovery/dockerfile.js";
import { DAEMON_PREFIX, dockerDaemon } from "./docker-daemon.js";
import { dockerfileMap, layerLocator } from "./dockerfile-locations.js";
import { externalEngines, type EngineChoice } from "./engines/external-engines.js";
import { imageRequests, type ImageRequest } from "./image-requests.js";
import { imagesSummary, imageRow, type ImageRow } from "./images-summary.js";
import { ENGINE_VERSION, TOOL } from "./version.js";

export interface ContainerScanOptions {
  /** Repository root: Dockerfile and manifest paths are relative to it. */
  workspace: string;
  /** Where discovery looks (the `path` input). */
  root: string;
  images: readonly string[];
  platform?: Platform;
  discover: { dockerfiles: boolean; compose: boolean; kubernetes: boolean };
  /** Dockerfile ARG values, as `--build-arg` gives them (override ARG defaults in FROM lines). */
  buildArgs?: Readonly<Record<string, string>>;
  source: VulnerabilitySource & { notices?: ScanProblem[] };
  client?: RegistryClient;
  cache?: LayerCache;
  /** Also list lockfiles and installed language packages inside images (default true). */
  languagePackages?: boolean;
  /** Images scanned at once (default 2). */
  concurrency?: number;
  /** Compose `${VAR}` values. */
  env?: Readonly<Record<string, string | undefined>>;
  progress?(message: string): void;
  /** Scratch space (docker save archives). Default: the OS temp dir. */
  tempDir?: string;
  /** Read images from a local Docker daemon when the docker CLI is on env.PATH (default true). */
  dockerDaemon?: boolean;
  /** Directory to write a CycloneDX 1.6 SBOM per image read into (absolute). None when unset. */
  sbomDir?: string;
  /** The run's clock: the SBOMs' timestamp. */
  now?: Date;
  /** Who finds vulnerabilities (default builtin); trivy and grype are looked up on env.PATH. */
  engine?: EngineChoice;
}

export interface ScannedImage {
  request: ImageRequest;
  inventory?: ImageInventory;
  /** The reference of its base image, when known. */
  baseImage?: string;
  baseLayers?: number;
  findings: Finding[];
  /** Why it could not be scanned. */
  error?: string;
  /** Its layers in order (blob digest and uncompressed diff id): other engines name layers by either. */
  layerIds?: LayerIdentity[];
  /** Where a finding for a package of a given layer points (a Dockerfile line, or the file naming it). */
  locate?: (layer: LayerInfo, fromBase: boolean | undefined) => Location | undefined;
}

export interface ContainerScanResult extends ScanResult {
  images: ScannedImage[];
}

function layerIdentities(source: ImageSource): LayerIdentity[] {
  const diffIds = source.config.rootfs?.diff_ids ?? [];
  const usable = diffIds.length === source.layers.length;
  return source.layers.map((l, i) => ({ digest: l.digest, ...(usable ? { diffId: diffIds[i]! } : {}) }));
}

/**
 * The path of a local image (`docker-archive:<path>`, `oci:<path>[:<ref>]`, or a path to a docker save
 * tarball or OCI layout), resolved against the workspace; undefined for a registry reference.
 */
export function localSpec(spec: string, workspace: string): string | undefined {
  const prefixed = /^(docker-archive|oci):(.*)$/.exec(spec);
  if (prefixed) {
    const path = prefixed[2]!;
    return isAbsolute(path) ? spec : `${prefixed[1]}:${join(workspace, path)}`;
  }
  if (isAbsolute(spec)) return spec;
  if (spec.startsWith("./") || spec.startsWith("../")) return join(workspace, spec);
  const path = join(workspace, spec);
  const looksLocal =
    /\.(tar|tar\.gz|tgz)$/.test(spec) ||
    existsSync(join(path, "index.json")) ||
    existsSync(join(path, "manifest.json"));
  return looksLocal && existsSync(path) ? path : undefined;
}

function where(request: ImageRequest): string {
  const at = request.origins.find((o) => o.location)?.location;
  return at ? ` (named in ${at.path}${at.startLine !== undefined ? `:${at.startLine}` : ""})` : "";
}

export async function scanContainers(options: ContainerScanOptions): Promise<ContainerScanResult> {
  const progress = options.progress ?? (() => {});
  const problems: ScanProblem[] = [];
  const discovery = await discoverImages({
    root: options.root,
    workspace: options.workspace,
    ...options.discover,
    ...(options.env ? { env: options.env } : {}),
    ...(options.buildArgs ? { buildArgs: options.buildArgs } : {}),
  });
  problems.push(...discovery.problems);
  const requests = imageRequests(options.images, discovery.images, discovery.built);
  const requested = new Set(requests.map((r) => r.spec));
  for (const b of discovery.built) {
    if (requested.has(b.image)) continue;
    const at = `${b.path}${b.line !== undefined ? `:${b.line}` : ""}`;
    problems.push({
      level: "notice",
      path: b.path,
      ...(b.line !== undefined ? { line: b.line } : {}),
      message: `${at}: service ${b.service} builds ${b.image} here (from ${b.dockerfile}), so it is not pulled; its Dockerfile's base images are scanned. List ${b.image} in images to scan the built image (from the runner's Docker daemon when compose built it there), with findings on ${b.dockerfile}'s lines.`,
    });
  }
  progress(
    `container-scan: ${requests.length} image${requests.length === 1 ? "" : "s"} (${options.images.length} given, ${discovery.images.length} named in ${discovery.filesRead} files)`,
  );
  if (requests.length === 0) {
    problems.push({
      level: "notice",
      message:
        "No image to scan: set images, or keep discovery on in a repository with Dockerfiles, compose files or Kubernetes manifests.",
    });
  }
  const cache = options.cache ?? new LayerCache();
  const client = options.client ?? new RegistryClient();
  const limiter = new Limiter(options.concurrency ?? 2);
  const platform = options.platform ? { platform: options.platform } : {};
  const daemon =
    options.dockerDaemon === false
      ? undefined
      : dockerDaemon(options.env ?? process.env, options.tempDir ?? tmpdir());
  const saved: string[] = [];
  const fromDaemon = async (ref: string) => {
    const file = await daemon!.save(ref);
    saved.push(dirname(file));
    return openImage(`docker-archive:${file}`);
  };
  const open = async (spec: string): Promise<ImageSource> => {
    if (spec.startsWith(DAEMON_PREFIX)) {
      if (!daemon) throw new Error("docker-daemon: images need the docker CLI on PATH and a running daemon");
      return fromDaemon(spec.slice(DAEMON_PREFIX.length));
    }
    const local = localSpec(spec, options.workspace);
    if (local) return openImage(local, { ...platform });
    // The daemon's copy is what the job just built; the registry may hold an older one, or none.
    if (daemon && (await daemon.has(spec))) {
      progress(`container-scan: ${spec} from the local Docker daemon`);
      return fromDaemon(spec);
    }
    // A registry reference is never taken for a path (a repository may well have a folder named nginx).
    return registryImageSource(client, parseImageReference(spec), { ...platform, cache });
  };
  const dockerfiles = new Map(discovery.dockerfiles.map((d) => [d.path, d]));
  const readDockerfile = (path: string): ParsedDockerfile | undefined => {
    const known = dockerfiles.get(path);
    if (known) return known;
    const file = join(options.workspace, path);
    if (!existsSync(file)) return undefined;
    const parsed = parseDockerfile(path, readFileSync(file, "utf8"), options.buildArgs);
    problems.push(...parsed.problems);
    dockerfiles.set(path, parsed);
    return parsed;
  };
  const bases = new Map<string, Promise<LayerIdentity[]>>();
  const baseLayersOf = (spec: string) => {
    let p = bases.get(spec);
    if (!p) {
      p = open(spec).then(layerIdentities);
      bases.set(spec, p);
    }
    return p;
  };

  const scanned: ScannedImage[] = await Promise.all(
    requests.map((request) =>
      limiter.run(async (): Promise<ScannedImage> => {
        const image: ScannedImage = { request, findings: [] };
        try {
          progress(`container-scan: reading ${request.spec}`);
          const source = await open(request.spec);
          image.layerIds = layerIdentities(source);
          image.inventory = await scanImage(source, {
            cache,
            ...(options.languagePackages === false ? { extractors: [] } : {}),
          });
          if (request.isBaseImage) {
            image.baseImage = request.spec;
            image.baseLayers = source.layers.length;
          } else if (request.dockerfile) {
            const parsed = readDockerfile(request.dockerfile);
            const map = parsed ? dockerfileMap(parsed, request.target) : undefined;
            if (!parsed) {
              problems.push({
                level: "warning",
                message: `${request.spec}: its Dockerfile ${request.dockerfile} does not exist; findings cannot point at it`,
              });
            } else if (map?.root.image) {
              image.baseImage = map.root.image;
              try {
                image.baseLayers = commonLayerPrefix(
                  layerIdentities(source),
                  await baseLayersOf(map.root.image),
                );
              } catch (error) {
                problems.push({
                  level: "warning",
                  path: parsed.path,
                  line: map.root.line,
                  message: `${request.spec}: its base image ${map.root.image} could not be read (${(error as Error).message}); which packages it brought is unknown`,
                });
              }
            }
          }
        } catch (error) {
          image.error = (error as Error).message;
          problems.push({
            level: "error",
            ...(request.origins[0]?.location ? { path: request.origins[0].location.path } : {}),
            ...(request.origins[0]?.location?.startLine !== undefined
              ? { line: request.origins[0].location.startLine }
              : {}),
            message: `${request.spec}${where(request)} could not be scanned: ${image.error}`,
          });
        }
        return image;
      }),
    ),
  );

  // The archives docker save wrote were read in full by now.
  await Promise.all(saved.map((dir) => rm(dir, { recursive: true, force: true })));
  const inventories = scanned.flatMap((s) => (s.inventory ? [s.inventory] : []));
  const matched = await matchInventories(inventories, options.source);
  problems.push(...matched.problems);
  problems.push(...(options.source.notices ?? []));
  const toolRuns: ScanToolRun[] = [];
  for (const image of scanned) {
    const inventory = image.inventory;
    if (!inventory) continue;
    const spec = image.request.spec;
    for (const p of inventory.problems) problems.push({ ...p, runKey: spec });
    const locate = locator(image, readDockerfile);
    if (locate) image.locate = locate;
    const { findings, unresolved } = imageFindings(
      {
        image: spec,
        inventory,
        ...(image.baseLayers !== undefined ? { baseLayers: image.baseLayers } : {}),
        ...(image.baseImage ? { baseImage: image.baseImage } : {}),
        ...(locate ? { locate } : {}),
        tool: TOOL,
      },
      matched,
    );
    image.findings = findings.map((f) => ({ ...f, runKey: spec }));
    if (unresolved.length > 0) {
      problems.push({
        level: "warning",
        runKey: spec,
        message: `${spec}: ${unresolved.length} package${unresolved.length === 1 ? "" : "s"} could not be checked: ${unresolved.slice(0, 10).join("; ")}${unresolved.length > 10 ? ` and ${unresolved.length - 10} more` : ""}`,
      });
    }
    // A run per image that was read: an empty one tells code scanning the image's old alerts are fixed.
    toolRuns.push({ tool: spec, name: TOOL, version: ENGINE_VERSION });
  }
  const result: ContainerScanResult = {
    tool: TOOL,
    toolVersion: ENGINE_VERSION,
    findings: scanned.flatMap((s) => s.findings),
    problems,
    toolRuns,
    images: scanned,
  };
  await externalEngines(options.engine ?? "builtin", result, {
    env: options.env ?? process.env,
    cwd: options.workspace,
    progress,
  });
  const sboms = options.sbomDir ? await writeSboms(scanned, options.sbomDir, options.now ?? new Date()) : [];
  const rows: ImageRow[] = scanned.map(imageRow);
  const layersTotal = new Set(inventories.flatMap((i) => i.layers.map((l) => l.digest)));
  result.stats = {
    images: scanned.length,
    "images-failed": scanned.filter((s) => s.error).length,
    layers: layersTotal.size,
    "layers-read": inventories.reduce((n, i) => n + i.stats.layersRead, 0),
    packages: inventories.reduce((n, i) => n + i.packages.length, 0),
    "packages-queried": matched.queried,
    vulnerabilities: new Set(result.findings.map((f) => f.ruleId)).size,
  };
  result.summaryMarkdown = imagesSummary(rows, result.findings);
  result.outputs = {
    images: JSON.stringify(rows),
    ...(options.sbomDir ? { sboms: JSON.stringify(sboms) } : {}),
  };
  return result;
}

/** One `<image>.cdx.json` per image read (name made file-safe, numbered when two collide). */
async function writeSboms(
  scanned: readonly ScannedImage[],
  dir: string,
  now: Date,
): Promise<{ image: string; file: string }[]> {
  await mkdir(dir, { recursive: true });
  const used = new Set<string>();
  const written: { image: string; file: string }[] = [];
  for (const image of scanned) {
    if (!image.inventory) continue;
    const stem = image.request.spec.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "") || "image";
    let name = `${stem}.cdx.json`;
    for (let n = 2; used.has(name); n++) name = `${stem}-${n}.cdx.json`;
    used.add(name);
    const bom = toCycloneDx(image.inventory, {
      toolName: "bulwark container-scan",
      toolVersion: ENGINE_VERSION,
      timestamp: now.toISOString(),
    });
    const file = join(dir, name);
    await writeFile(file, `${JSON.stringify(bom, null, 2)}\n`);
    written.push({ image: image.request.spec, file });
  }
  return written;
}

/** Where an image's findings point: its Dockerfile's lines, or the file that named it. */
function locator(
  image: ScannedImage,
  readDockerfile: (path: string) => ParsedDockerfile | undefined,
):
  | ((layer: ImageInventory["layers"][number], fromBase: boolean | undefined) => Location | undefined)
  | undefined {
  const request = image.request;
  if (request.dockerfile && image.inventory) {
    const parsed = readDockerfile(request.dockerfile);
    const map = parsed ? dockerfileMap(parsed, request.target) : undefined;
    if (map) return layerLocator(map, image.inventory.layers, image.baseLayers);
  }
  const first = request.origins.find((o) => o.location)?.location;
  return first ? () => first : undefined;
}
