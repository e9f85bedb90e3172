// OS package inventories over an image filesystem: dpkg (status and status.d), apk (rpm is in
// rpm-packages.ts). Each package carries the layer that introduced it.
import type { ScanProblem } from "@bulwark/core";
import type { ImageFilesystem } from "../layers/image-filesystem.js";
import { parseApkInstalled, APK_INSTALLED, type ApkPackage } from "./apk.js";
import { DPKG_STATUS, DPKG_STATUS_D, parseDpkgStatus, type DpkgPackage } from "./dpkg.js";
import type { ImagePackage, LayerInfo } from "./image-package.js";
import { introducingLayers, type Snapshot } from "./introduced-by.js";
import type { OsInfo } from "./os-release.js";

export interface InventoryResult {
  packages: ImagePackage[];
  problems: ScanProblem[];
}

/** The file's parsed content after each layer that changed it (path resolved through links). */
function snapshots<P>(
  fs: ImageFilesystem,
  path: string,
  parse: (text: string, file: string) => P[],
  problems: ScanProblem[],
): Snapshot<P>[] {
  const result: Snapshot<P>[] = [];
  const layerIndexes = new Set<number>();
  for (let i = 0; i < fs.layers; i++) {
    const found = fs.resolve(path, i);
    if (found) for (const l of fs.changesOf(found.path)) if (l === i) layerIndexes.add(i);
    for (const l of fs.changesOf(path)) if (l === i) layerIndexes.add(i);
  }
  for (const layerIndex of [...layerIndexes].sort((a, b) => a - b)) {
    const found = fs.resolve(path, layerIndex);
    if (found?.version.entry?.type === "skipped") {
      problems.push({
        level: "error",
        path: `/${path}`,
        message: `/${path} in layer ${layerIndex + 1} is too large to read; its packages are not listed`,
      });
      result.push({ layerIndex, packages: [] });
      continue;
    }
    const content = fs.read(path, layerIndex);
    if (content === undefined) {
      result.push({ layerIndex, packages: [] });
      continue;
    }
    try {
      result.push({ layerIndex, packages: parse(content.toString("utf8"), `/${path}`) });
    } catch (error) {
      problems.push({
        level: "error",
        path: `/${path}`,
        message: `layer ${layerIndex + 1}: ${(error as Error).message}`,
      });
      result.push({ layerIndex, packages: [] });
    }
  }
  return result;
}

function dpkgPurl(p: DpkgPackage, os: OsInfo | undefined): string {
  const namespace = os?.id === "ubuntu" ? "ubuntu" : "debian";
  const qualifiers = [
    p.arch ? `arch=${p.arch}` : "",
    p.sourceName !== p.name ? `upstream=${encodeURIComponent(p.sourceName)}` : "",
    os?.versionId ? `distro=${namespace}-${os.versionId}` : "",
  ].filter(Boolean);
  return `pkg:deb/${namespace}/${encodeURIComponent(p.name)}@${encodeURIComponent(p.version)}${qualifiers.length ? `?${qualifiers.join("&")}` : ""}`;
}

function apkPurl(p: ApkPackage, os: OsInfo | undefined): string {
  const qualifiers = [p.arch ? `arch=${p.arch}` : "", os?.versionId ? `distro=${os.versionId}` : ""].filter(
    Boolean,
  );
  return `pkg:apk/alpine/${encodeURIComponent(p.name)}@${encodeURIComponent(p.version)}${qualifiers.length ? `?${qualifiers.join("&")}` : ""}`;
}

export function osPackages(
  fs: ImageFilesystem,
  layers: LayerInfo[],
  os: OsInfo | undefined,
): InventoryResult {
  const problems: ScanProblem[] = [];
  const packages: ImagePackage[] = [];
  const layerAt = (i: number): LayerInfo => layers[i] ?? { index: i, digest: "unknown" };
  const ecosystemFor = (kind: string): string => {
    if (os?.ecosystem) return os.ecosystem;
    problems.push({
      level: "warning",
      message: `cannot tell the OSV ecosystem of ${kind} packages: /etc/os-release ${os ? `has ID=${os.id} VERSION_ID=${os.versionId ?? "(none)"}` : "is missing"}`,
    });
    return os?.id ?? "unknown";
  };

  // dpkg status: one file for every package.
  if (fs.resolve(DPKG_STATUS) || fs.changesOf(DPKG_STATUS).length > 0) {
    const snaps = snapshots(fs, DPKG_STATUS, parseDpkgStatus, problems);
    const last = snaps.at(-1)?.packages ?? [];
    const key = (p: DpkgPackage): string => `${p.name}:${p.arch ?? ""}`;
    const introduced = introducingLayers(snaps, key, (p) => p.version);
    const ecosystem = last.length > 0 ? ecosystemFor("dpkg") : "";
    for (const p of last) {
      packages.push({
        name: p.name,
        version: p.version,
        ecosystem,
        source: "dpkg",
        file: `/${DPKG_STATUS}`,
        sourceName: p.sourceName,
        sourceVersion: p.sourceVersion,
        ...(p.arch ? { arch: p.arch } : {}),
        purl: dpkgPurl(p, os),
        layer: layerAt(introduced.get(key(p)) ?? 0),
      });
    }
  }
  // Distroless: one file per package under status.d; the layer that last wrote the file introduced it.
  const statusD = fs.paths(
    (p) =>
      p.startsWith(DPKG_STATUS_D) && !p.slice(DPKG_STATUS_D.length).includes("/") && !p.endsWith(".md5sums"),
  );
  let statusDEcosystem: string | undefined;
  for (const path of statusD) {
    const content = fs.read(path);
    const version = fs.entryAt(path);
    if (!content || !version) continue;
    try {
      for (const p of parseDpkgStatus(content.toString("utf8"), `/${path}`)) {
        statusDEcosystem ??= ecosystemFor("dpkg");
        packages.push({
          name: p.name,
          version: p.version,
          ecosystem: statusDEcosystem,
          source: "dpkg",
          file: `/${path}`,
          sourceName: p.sourceName,
          sourceVersion: p.sourceVersion,
          ...(p.arch ? { arch: p.arch } : {}),
          purl: dpkgPurl(p, os),
          layer: layerAt(version.layerIndex),
        });
      }
    } catch (error) {
      problems.push({ level: "error", path: `/${path}`, message: (error as Error).message });
    }
  }
  if (fs.resolve(APK_INSTALLED) || fs.changesOf(APK_INSTALLED).length > 0) {
    const snaps = snapshots(fs, APK_INSTALLED, parseApkInstalled, problems);
    const last = snaps.at(-1)?.packages ?? [];
    const introduced = introducingLayers(
      snaps,
      (p) => p.name,
      (p) => p.version,
    );
    const ecosystem = last.length > 0 ? ecosystemFor("apk") : "";
    for (const p of last) {
      packages.push({
        name: p.name,
        version: p.version,
        ecosystem,
        source: "apk",
        file: `/${APK_INSTALLED}`,
        ...(p.origin ? { sourceName: p.origin, sourceVersion: p.version } : {}),
        ...(p.arch ? { arch: p.arch } : {}),
        purl: apkPurl(p, os),
        layer: layerAt(introduced.get(p.name) ?? 0),
      });
    }
  }
  return { packages, problems };
}
