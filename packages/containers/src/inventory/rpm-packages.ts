// rpm inventories over an image filesystem: the sqlite rpmdb is read (each version of it a layer wrote,
// so a package's introducing layer is known); Berkeley DB (`Packages`) and ndb (`Packages.db`) are
// reported as unsupported. Packages of a distribution without OSV advisories are still listed, with
// a warning that they cannot be matched.
import type { ScanProblem } from "@bulwark/core";
import type { ImageFilesystem } from "../layers/image-filesystem.js";
import type { ImagePackage, LayerInfo } from "./image-package.js";
import { introducingLayers, type Snapshot } from "./introduced-by.js";
import type { OsInfo } from "./os-release.js";
import type { RpmPackage } from "./rpm-header.js";
import { readRpmSqlite } from "./rpmdb-sqlite.js";

export const RPM_SQLITE_DATABASES = ["var/lib/rpm/rpmdb.sqlite", "usr/lib/sysimage/rpm/rpmdb.sqlite"];
const UNSUPPORTED = {
  "var/lib/rpm/Packages": "Berkeley DB",
  "var/lib/rpm/Packages.db": "ndb",
  "usr/lib/sysimage/rpm/Packages": "Berkeley DB",
  "usr/lib/sysimage/rpm/Packages.db": "ndb",
} as const;
/** Kept only to tell whether it holds transactions the database file lacks. */
const WAL_SUFFIX = "-wal";
export const RPM_DATABASES = [
  ...RPM_SQLITE_DATABASES,
  ...RPM_SQLITE_DATABASES.map((p) => `${p}${WAL_SUFFIX}`),
  ...Object.keys(UNSUPPORTED),
];

function rpmPurl(p: RpmPackage, os: OsInfo | undefined): string {
  const namespace = encodeURIComponent(os?.id ?? "rpm");
  const qualifiers = [
    p.arch ? `arch=${encodeURIComponent(p.arch)}` : "",
    p.epoch ? `epoch=${p.epoch}` : "",
    p.sourceRpm ? `upstream=${encodeURIComponent(p.sourceRpm)}` : "",
    os?.versionId ? `distro=${encodeURIComponent(`${os.id}-${os.versionId}`)}` : "",
  ].filter(Boolean);
  const version = p.version.slice(p.version.indexOf(":") + 1);
  return `pkg:rpm/${namespace}/${encodeURIComponent(p.name)}@${encodeURIComponent(version)}${qualifiers.length ? `?${qualifiers.join("&")}` : ""}`;
}

export async function rpmPackages(
  fs: ImageFilesystem,
  layers: LayerInfo[],
  os: OsInfo | undefined,
): Promise<{ packages: ImagePackage[]; problems: ScanProblem[] }> {
  const packages: ImagePackage[] = [];
  const problems: ScanProblem[] = [];
  const layerAt = (i: number): LayerInfo => layers[i] ?? { index: i, digest: "unknown" };
  const read = new Set<string>();
  for (const path of RPM_SQLITE_DATABASES) {
    const found = fs.resolve(path);
    // Fedora links /var/lib/rpm to /usr/lib/sysimage/rpm: one database, listed once, by its real path.
    if (!found || read.has(found.path)) continue;
    read.add(found.path);
    const file = `/${found.path}`;
    // The database's content after each layer that wrote it (directly or through a link).
    const writers = new Set<number>([...fs.changesOf(path), ...fs.changesOf(found.path)]);
    const snaps: Snapshot<RpmPackage>[] = [];
    for (const layerIndex of [...writers].sort((a, b) => a - b)) {
      const at = fs.resolve(path, layerIndex);
      if (at?.version.entry?.type === "skipped") {
        problems.push({
          level: "error",
          path: file,
          message: `${file} in layer ${layerIndex + 1} is too large to read; its packages are not listed`,
        });
        snaps.push({ layerIndex, packages: [] });
        continue;
      }
      const content = fs.read(path, layerIndex);
      if (!content) {
        snaps.push({ layerIndex, packages: [] });
        continue;
      }
      try {
        const result = readRpmSqlite(content, file);
        for (const message of result.errors)
          problems.push({ level: "error", path: file, message: `layer ${layerIndex + 1}: ${message}` });
        snaps.push({ layerIndex, packages: result.packages });
      } catch (error) {
        problems.push({
          level: "error",
          path: file,
          message: `layer ${layerIndex + 1}: ${(error as Error).message}`,
        });
        snaps.push({ layerIndex, packages: [] });
      }
    }
    const wal = fs.read(`${found.path}${WAL_SUFFIX}`);
    if (wal && wal.length > 0) {
      problems.push({
        level: "warning",
        path: `${file}${WAL_SUFFIX}`,
        message: `${file}${WAL_SUFFIX} holds ${wal.length} bytes of write-ahead log that is not read: packages its transactions installed, upgraded or removed may be listed wrongly`,
      });
    }
    const last = snaps.at(-1)?.packages ?? [];
    const key = (p: RpmPackage): string => `${p.name}.${p.arch ?? ""}`;
    const introduced = introducingLayers(snaps, key, (p) => p.version);
    let ecosystem = os?.ecosystem;
    if (!ecosystem && last.length > 0) {
      problems.push({
        level: "warning",
        path: file,
        message: `${last.length} rpm packages listed from ${file} cannot be matched against vulnerabilities: OSV has no ecosystem for ${os ? `ID=${os.id} VERSION_ID=${os.versionId ?? "(none)"}` : "an image without /etc/os-release"}`,
      });
      ecosystem = os?.id ?? "unknown";
    }
    for (const p of last) {
      packages.push({
        name: p.name,
        version: p.version,
        ecosystem: ecosystem ?? "unknown",
        source: "rpm",
        file,
        ...(p.sourceRpm ? { sourceRpm: p.sourceRpm } : {}),
        ...(p.arch ? { arch: p.arch } : {}),
        purl: rpmPurl(p, os),
        layer: layerAt(introduced.get(key(p)) ?? 0),
      });
    }
  }
  for (const [path, format] of Object.entries(UNSUPPORTED)) {
    if (fs.resolve(path)) {
      problems.push({
        level: "error",
        path: `/${path}`,
        message: `RPM database /${path} is in the ${format} format, which is not supported (only rpmdb.sqlite of rpm 4.16+ is read), so the packages it lists were not checked`,
      });
    }
  }
  return { packages, problems };
}
