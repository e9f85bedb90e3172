// An ExtractContext over files on disk, for callers (and tests) that extract one file directly.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { ExtractContext } from "../extractor.js";

export function diskContext(absolutePath: string, relativePath: string): ExtractContext {
  return {
    relativePath,
    absolutePath,
    async readSibling(relative) {
      try {
        return await readFile(resolve(dirname(absolutePath), relative), "utf8");
      } catch {
        return undefined;
      }
    },
  };
}
