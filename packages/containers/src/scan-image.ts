// Reads an image layer by layer into the few files inventories need, then lists its OS packages and
// (given lockfile extractors) language packages, each with the layer that introduced it.
import type { ScanProblem } from "@bulwark/core";
import { extractors as lockfileExtractors, type Extractor } from "@bulwark/lockfiles";
import type { ImageSource } from "./image-source.js";
import { APK_INSTALLED } from "./inventory/apk.js";
import { DPKG_STATUS, DPKG_STATUS_D } from "./inventory/dpkg.js";
import type { ImagePackage, LayerInfo } from "./inventory/image-package.js";
import { languagePackages } from "./inventory/language-packages.js";
import { osInfoFromRelease, type OsInfo } from "./inventory/os-release.js";
import { osPackages } from "./inventory/os-packages.js";
import { rpmPackages, RPM_DATABASES } from "./inventory/rpm-packages.js";
import { ImageFilesystem } from "./layers/image-filesystem.js";
import { LayerCache } from "./layers/layer-cache.js";
import { readLayer, type LayerChanges } from "./layers/layer-changes.js";
import type { Platform } from "./registry/media-types.js";

export interface ScanImageOptions {
  /** Shared across scans so common base layers are read once. */
  cache?: LayerCache;
  /**
   * Lockfile/manifest extractors for language packages inside the image. Default: every format of
   * @bulwark/lockfiles; `[]` lists OS packages only.
   */
  extractors?: readonly Extractor[];
  /** Largest single file read from a layer. Default 64 MiB. */
  maxFileBytes?: number;
  /** Most bytes kept from one layer. Default 512 MiB. */
  maxLayerKeptBytes?: number;
  /** Paths never searched for language files (default: proc, sys, dev, usr/share/doc, usr/share/man). */
  skipLanguagePaths?: (path: string) => boolean;
}

export interface ImageInventory {
  name: string;
  manifestDigest?: string;
  platform?: Platform;
  os?: OsInfo;
  layers: LayerInfo[];
  packages: ImagePackage[];
  problems: ScanProblem[];
  stats: { layers: number; layersRead: number; packages: number; filesKept: number };
}

const OS_RELEASE = ["etc/os-release", "usr/lib/os-release"];
const NEVER_LANGUAGE = /^(proc|sys|dev|usr\/share\/doc|usr\/share\/man)\//;

function osWanted(path: string): boolean {
  return (
    OS_RELEASE.includes(path) ||
    path === DPKG_STATUS ||
    (path.startsWith(DPKG_STATUS_D) && !path.endsWith(".md5sums")) ||
    path === APK_INSTALLED ||
    RPM_DATABASES.includes(path)
  );
}

/**
 * Layer i of the image is the i-th history entry that is not an empty layer. When the counts disagree
 * (hand-made or squashed images) the pairing would be a guess, so no instruction is given.
 */
function layerInfos(source: ImageSource): LayerInfo[] {
  const history = (source.config.history ?? []).filter((h) => !h.empty_layer);
  const paired = history.length === source.layers.length;
  return source.layers.map((layer, index) => {
    const createdBy = paired ? history[index]?.created_by : undefined;
    return { index, digest: layer.digest, ...(createdBy ? { createdBy } : {}) };
  });
}

export async function scanImage(
  source: ImageSource,
  options: ScanImageOptions = {},
): Promise<ImageInventory> {
  const cache = options.cache ?? new LayerCache();
  const extractors: readonly Extractor[] = options.extractors ?? lockfileExtractors;
  const skipLanguage = options.skipLanguagePaths ?? ((p: string) => NEVER_LANGUAGE.test(p));
  const wanted = (path: string): boolean =>
    osWanted(path) || (!skipLanguage(path) && extractors.some((e) => e.matches(path)));
  // Parsed layers depend on which paths were wanted, so the cache key includes the extractor set.
  const profile = extractors.map((e) => e.name).join(",");
  const layers = layerInfos(source);
  const problems: ScanProblem[] = [];
  const parsed = new Array<LayerChanges | undefined>(source.layers.length);
  const toRead: number[] = [];
  const waiting: Promise<void>[] = [];
  let layersRead = 0;
  const readers = new Map<number, { resolve: (c: LayerChanges) => void; reject: (e: unknown) => void }>();
  source.layers.forEach((layer, index) => {
    const key = `${layer.digest} ${profile}`;
    waiting.push(
      cache
        .layer(key, () => {
          toRead.push(index);
          return new Promise<LayerChanges>((resolve, reject) => readers.set(index, { resolve, reject }));
        })
        .then((changes) => {
          parsed[index] = changes;
        }),
    );
  });
  if (toRead.length > 0) {
    const readOptions = {
      wanted,
      ...(options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : {}),
      ...(options.maxLayerKeptBytes ? { maxLayerKeptBytes: options.maxLayerKeptBytes } : {}),
    };
    const visited = new Set<number>();
    try {
      await source.readLayers(toRead, async (index, stream) => {
        visited.add(index);
        const digest = source.layers[index]?.digest ?? `layer ${index + 1}`;
        try {
          const changes = await readLayer(digest, stream, readOptions);
          layersRead++;
          readers.get(index)?.resolve(changes);
        } catch (error) {
          readers.get(index)?.reject(error);
          throw error;
        }
      });
    } catch (error) {
      for (const index of toRead) if (!visited.has(index)) readers.get(index)?.reject(error);
    }
    // A source that finished without handing over a layer must not leave the scan waiting forever.
    for (const index of toRead) {
      if (!visited.has(index))
        readers.get(index)?.reject(new Error("the image source did not provide this layer"));
    }
  }
  const settled = await Promise.allSettled(waiting);
  settled.forEach((result, index) => {
    if (result.status === "rejected") {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      problems.push({
        level: "error",
        message: `${source.name}: layer ${index + 1} (${source.layers[index]?.digest}) could not be read: ${reason}; packages it adds are missing`,
      });
    }
  });

  const fs = new ImageFilesystem();
  let filesKept = 0;
  for (const changes of parsed) {
    if (!changes) {
      fs.apply({
        digest: "unread",
        entries: new Map(),
        deletions: [],
        opaqueDirs: [],
        fileCount: 0,
        problems: [],
      });
      continue;
    }
    fs.apply(changes);
    filesKept += changes.entries.size;
    for (const message of changes.problems)
      problems.push({ level: "warning", message: `${source.name}: ${message}` });
  }

  let os: OsInfo | undefined;
  const release = fs.read("etc/os-release") ?? fs.read("usr/lib/os-release");
  if (release) os = osInfoFromRelease(release.toString("utf8"));
  const osResult = osPackages(fs, layers, os);
  problems.push(...osResult.problems);
  const rpmResult = await rpmPackages(fs, layers, os);
  problems.push(...rpmResult.problems);
  const languageResult = await languagePackages(
    fs,
    layers,
    extractors,
    (p) => !osWanted(p) && !skipLanguage(p),
  );
  problems.push(...languageResult.problems);
  const packages = [...osResult.packages, ...rpmResult.packages, ...languageResult.packages];
  if (packages.length === 0 && !problems.some((p) => p.level === "error")) {
    problems.push({
      level: "warning",
      message: `${source.name}: no package database found (dpkg, apk, rpm) and no language lockfiles; nothing to check`,
    });
  }
  const inventory: ImageInventory = {
    name: source.name,
    layers,
    packages,
    problems,
    stats: { layers: layers.length, layersRead, packages: packages.length, filesKept },
  };
  if (source.manifestDigest) inventory.manifestDigest = source.manifestDigest;
  if (source.platform) inventory.platform = source.platform;
  if (os) inventory.os = os;
  return inventory;
}
