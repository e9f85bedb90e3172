// Which lockfiles a scan reads: the explicit list when given, else every supported file found under
// the root (honouring include/exclude globs and, when not recursive, the root folder only).
import { join } from "node:path";
import { discover, extractFile, type ExtractResult } from "@bulwark/lockfiles";

export interface CollectOptions {
  root: string;
  /** Paths relative to the root; when non-empty, only these are read and nothing is discovered. */
  lockfiles?: readonly string[];
  recursive?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
}

export async function collectLockfiles(options: CollectOptions): Promise<ExtractResult[]> {
  if (options.lockfiles && options.lockfiles.length > 0) {
    const results: ExtractResult[] = [];
    for (const file of options.lockfiles) {
      results.push(await extractFile(join(options.root, file), { root: options.root }));
    }
    return results;
  }
  // "*/**" matches every folder below the root, so a non-recursive walk stays at the top level.
  const exclude = [...(options.exclude ?? []), ...(options.recursive === false ? ["*/**"] : [])];
  return discover(options.root, {
    ...(options.include && options.include.length > 0 ? { include: [...options.include] } : {}),
    ...(exclude.length > 0 ? { exclude } : {}),
  });
}
