// Where the real lockfiles of ../shared/lockfiles live, for tests and benchmarks.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ExtractContext } from "../extractor.js";
import { diskContext } from "./disk-context.js";

export const sharedLockfilesDir = fileURLToPath(new URL("../../../../../shared/lockfiles/", import.meta.url));

export interface SharedLockfile {
  /** File name inside the format folder, e.g. "BurntSushi__ripgrep__Cargo.lock". */
  name: string;
  content: string;
  context: ExtractContext;
}

/** Every file of one format folder; its context reads no siblings (the originals had neighbours we lack). */
export function sharedLockfiles(format: string): SharedLockfile[] {
  const dir = `${sharedLockfilesDir}${format}/`;
  return readdirSync(dir)
    .sort()
    .map((name) => ({
      name,
      content: readFileSync(dir + name, "utf8"),
      context: { ...diskContext(dir + name, `${format}/${name}`), readSibling: async () => undefined },
    }));
}

export function sharedLockfile(format: string, name: string): SharedLockfile {
  const file = sharedLockfiles(format).find((f) => f.name === name);
  if (!file) throw new Error(`no shared lockfile ${format}/${name}`);
  return file;
}

/** A context for inline test content with the given siblings. */
export function memoryContext(relativePath: string, siblings: Record<string, string> = {}): ExtractContext {
  return {
    relativePath,
    absolutePath: `/memory/${relativePath}`,
    readSibling: async (relative) => siblings[relative],
  };
}
