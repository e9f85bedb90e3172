// `docker save` output (manifest.json naming a config and layer tars), as a directory or a tar(.gz).
import type { ImageSource } from "../image-source.js";
import { formatImageReference, parseImageReference } from "../reference.js";
import type { ImageConfig } from "../registry/media-types.js";
import { openArchive, type ArchiveReader } from "./archive-reader.js";

interface SaveManifestEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
}

/** "debian:12", "docker.io/library/debian:12" and "index.docker.io/library/debian:12" are one image. */
function sameImage(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return formatImageReference(parseImageReference(a)) === formatImageReference(parseImageReference(b));
  } catch {
    return false;
  }
}

/** Reads a docker save archive; `tag` picks one image when it holds several (default: the first). */
export async function dockerArchiveSource(
  path: string,
  options: { tag?: string } = {},
): Promise<ImageSource> {
  return dockerArchiveFromReader(await openArchive(path), options);
}

export async function dockerArchiveFromReader(
  reader: ArchiveReader,
  options: { tag?: string } = {},
): Promise<ImageSource> {
  const manifestBytes = await reader.readSmall("manifest.json");
  if (!manifestBytes) throw new Error(`${reader.path}: no manifest.json (not a docker save archive)`);
  let entries: SaveManifestEntry[];
  try {
    entries = JSON.parse(manifestBytes.toString("utf8")) as SaveManifestEntry[];
  } catch (error) {
    throw new Error(`${reader.path}: manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries) || entries.length === 0)
    throw new Error(`${reader.path}: manifest.json lists no image`);
  const wanted = options.tag;
  const entry = wanted ? entries.find((e) => e.RepoTags?.some((t) => sameImage(t, wanted))) : entries[0];
  if (!entry) {
    const tags = entries.flatMap((e) => e.RepoTags ?? []).join(", ");
    throw new Error(`${reader.path}: no image tagged ${options.tag} (has ${tags || "no tags"})`);
  }
  if (typeof entry.Config !== "string" || !Array.isArray(entry.Layers)) {
    throw new Error(`${reader.path}: manifest.json entry needs Config and Layers`);
  }
  const configBytes = await reader.readSmall(entry.Config);
  if (!configBytes)
    throw new Error(`${reader.path}: config ${entry.Config} named in manifest.json is missing`);
  const config = JSON.parse(configBytes.toString("utf8")) as ImageConfig;
  const diffIds = config.rootfs?.diff_ids ?? [];
  // Layer tars in docker save are uncompressed, so the config's diff_ids are their digests.
  const layers = entry.Layers.map((name, i) => ({
    digest:
      diffIds[i] ?? (/blobs\/sha256\/([a-f0-9]{64})$/.exec(name)?.[1] ? `sha256:${name.slice(-64)}` : name),
  }));
  const source: ImageSource = {
    name: entry.RepoTags?.[0] ? `${reader.path} (${entry.RepoTags[0]})` : reader.path,
    config,
    layers,
    async readLayers(indexes, visit) {
      const byName = new Map<string, number[]>();
      for (const index of indexes) {
        const name = entry.Layers[index];
        if (name === undefined) continue;
        byName.set(name, [...(byName.get(name) ?? []), index]);
      }
      await reader.stream([...byName.keys()], async (name, stream) => {
        const [first] = byName.get(name) ?? [];
        if (first !== undefined) await visit(first, stream);
      });
    },
  };
  if (config.os && config.architecture)
    source.platform = { os: config.os, architecture: config.architecture };
  return source;
}
