// Finds every supported file under a root and extracts it. The walk honours .gitignore files, skips
// dependency and build folders, never leaves the root through a symlink, and extracts a bounded
// number of files at a time.
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import type { Extractor } from "./extractor.js";
import { extractFile, selectExtractor } from "./extract-file.js";
import type { ExtractResult } from "./package-record.js";
import { extractors as defaultExtractors } from "./registry.js";

/** Folders skipped by default: installed dependencies, VCS metadata, virtualenvs and build output. */
export const DEFAULT_SKIPPED_DIRS: readonly string[] = [
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "bower_components",
  "jspm_packages",
  "vendor",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".pytest_cache",
  "dist",
  "build",
  "out",
  "target",
  ".next",
  ".nuxt",
  ".svelte-kit",
  ".turbo",
  ".cache",
  "coverage",
];

export interface DiscoverOptions {
  /** Globs (relative to the root, forward slashes) a file must match to be extracted; default: all. */
  include?: string[];
  /** Globs of files or folders to leave out. */
  exclude?: string[];
  /** Folder names skipped wherever they appear. Default DEFAULT_SKIPPED_DIRS. */
  skipDirs?: readonly string[];
  /** Honour .gitignore files (default true). */
  gitignore?: boolean;
  /** Files extracted at once (default 8). */
  concurrency?: number;
  /** Extractors to use. Default: every registered format. */
  extractors?: readonly Extractor[];
}

interface IgnoreScope {
  /** Folder of the .gitignore, relative to the root ("" for the root). */
  base: string;
  rules: Ignore;
}

function ignoredBy(scopes: readonly IgnoreScope[], relativePath: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const inner = scope.base === "" ? relativePath : relativePath.slice(scope.base.length + 1);
    if (inner && scope.rules.ignores(isDir ? `${inner}/` : inner)) return true;
  }
  return false;
}

/** Relative paths (forward slashes) of the supported files under root, in a stable order. */
export async function findSupportedFiles(
  root: string,
  options: DiscoverOptions = {},
): Promise<{ files: string[]; errors: ExtractResult[] }> {
  const absoluteRoot = await realpath(resolve(root));
  const extractors = options.extractors ?? defaultExtractors;
  const skip = new Set(options.skipDirs ?? DEFAULT_SKIPPED_DIRS);
  const useGitignore = options.gitignore ?? true;
  const include = options.include?.length ? picomatch(options.include, { dot: true }) : undefined;
  const exclude = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : undefined;
  const files: string[] = [];
  const errors: ExtractResult[] = [];
  const seenDirs = new Set<string>();

  const insideRoot = (real: string): boolean => real === absoluteRoot || real.startsWith(absoluteRoot + sep);

  const walk = async (dir: string, rel: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    const real = await realpath(dir).catch(() => undefined);
    if (!real || seenDirs.has(real)) return; // a symlink loop, or gone
    seenDirs.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const file = rel || ".";
      const reason = error instanceof Error ? error.message : String(error);
      errors.push({
        file,
        format: "directory",
        packages: [],
        errors: [{ file, message: `cannot read directory ${file}: ${reason}` }],
      });
      return;
    }
    let here = scopes;
    if (useGitignore && entries.some((e) => e.name === ".gitignore" && !e.isDirectory())) {
      try {
        const text = await readFile(join(dir, ".gitignore"), "utf8");
        here = [...scopes, { base: rel, rules: ignore().add(text) }];
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: [string, string][] = [];
    const linkedDirs: [string, string][] = [];
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const linked = entry.isSymbolicLink();
      if (linked) {
        // Follow a link only when its target stays inside the root.
        const target = await realpath(childAbs).catch(() => undefined);
        if (!target || !insideRoot(target)) continue;
        const info = await stat(target).catch(() => undefined);
        if (!info) continue;
        isDir = info.isDirectory();
        isFile = info.isFile();
      }
      if (isDir) {
        if (skip.has(entry.name)) continue;
        if (exclude && (exclude(childRel) || exclude(`${childRel}/`))) continue;
        if (ignoredBy(here, childRel, true)) continue;
        (linked ? linkedDirs : subdirs).push([childAbs, childRel]);
      } else if (isFile) {
        if (!selectExtractor(childRel, undefined, extractors)) continue;
        if (include && !include(childRel)) continue;
        if (exclude && exclude(childRel)) continue;
        if (ignoredBy(here, childRel, false)) continue;
        files.push(childRel);
      }
    }
    for (const [abs, childRel] of subdirs) await walk(abs, childRel, here);
    // Folders reached through links come last, so a folder is reported under its real path when both are seen.
    for (const [abs, childRel] of linkedDirs) deferred.push(() => walk(abs, childRel, here));
  };

  const deferred: (() => Promise<void>)[] = [];
  await walk(absoluteRoot, "", []);
  for (let next = deferred.shift(); next; next = deferred.shift()) await next();
  return { files, errors };
}

/** Extracts every supported file under root; results come in the walk's order. */
export async function discover(root: string, options: DiscoverOptions = {}): Promise<ExtractResult[]> {
  const absoluteRoot = resolve(root);
  const { files, errors } = await findSupportedFiles(absoluteRoot, options);
  const results: ExtractResult[] = new Array<ExtractResult>(files.length);
  const concurrency = Math.max(1, options.concurrency ?? 8);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index] ?? "";
      results[index] = await extractFile(join(absoluteRoot, file), {
        root: absoluteRoot,
        extractors: options.extractors,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  return [...errors, ...results];
}
