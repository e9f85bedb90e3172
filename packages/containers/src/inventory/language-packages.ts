// Language packages inside an image, read with @bulwark/lockfiles extractors from the files kept while
// reading layers. Each package gets the layer that last wrote its lockfile.
import type { ScanProblem } from "@bulwark/core";
import { ExtractorError, selectExtractor, type Extractor } from "@bulwark/lockfiles";
import { posix } from "node:path";
import type { ImageFilesystem } from "../layers/image-filesystem.js";
import type { ImagePackage, LayerInfo } from "./image-package.js";

export async function languagePackages(
  fs: ImageFilesystem,
  layers: LayerInfo[],
  extractors: readonly Extractor[],
  candidate: (path: string) => boolean,
): Promise<{ packages: ImagePackage[]; problems: ScanProblem[] }> {
  const packages: ImagePackage[] = [];
  const problems: ScanProblem[] = [];
  if (extractors.length === 0) return { packages, problems };
  for (const path of fs.paths(candidate)) {
    const version = fs.entryAt(path);
    const content = version?.entry?.type === "file" ? version.entry.content.toString("utf8") : undefined;
    const extractor = selectExtractor(path, content, extractors);
    if (!extractor || !version || content === undefined) {
      if (version?.entry?.type === "skipped") {
        problems.push({
          level: "error",
          path: `/${path}`,
          message: `/${path} is too large to read; its packages are not listed`,
        });
      }
      continue;
    }
    const dir = posix.dirname(path);
    try {
      const records = await extractor.extract(content, {
        relativePath: path,
        absolutePath: `/${path}`,
        readSibling: (relative) => Promise.resolve(fs.read(posix.join(dir, relative))?.toString("utf8")),
      });
      const layer = layers[version.layerIndex] ?? { index: version.layerIndex, digest: "unknown" };
      for (const r of records) {
        if (!r.version) continue;
        packages.push({
          name: r.name,
          version: r.version,
          ecosystem: r.ecosystem,
          source: extractor.name,
          file: `/${path}`,
          ...(r.purl ? { purl: r.purl } : {}),
          layer,
        });
      }
    } catch (error) {
      const line = error instanceof ExtractorError ? error.line : undefined;
      problems.push({
        level: "error",
        path: `/${path}`,
        ...(line !== undefined ? { line } : {}),
        message: `/${path}${line !== undefined ? `:${line}` : ""}: ${(error as Error).message}`,
      });
    }
  }
  return { packages, problems };
}
