// A project's own package.json, read beside a JavaScript lockfile to tell direct dependencies (and
// whether they are dev-only) when the lockfile does not record them.
import type { ExtractContext } from "../extractor.js";
import { isObject, objectOf } from "./json-document.js";

export interface ManifestRoots {
  /** name -> ranges declared for production (dependencies, optional, peer). */
  prod: Map<string, string>;
  /** name -> range declared in devDependencies. */
  dev: Map<string, string>;
}

export async function readManifestRoots(context: ExtractContext): Promise<ManifestRoots | undefined> {
  const text = await context.readSibling("package.json");
  if (text === undefined) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return undefined; // a broken package.json only costs the direct flags
  }
  if (!isObject(manifest)) return undefined;
  const collect = (fields: string[]): Map<string, string> => {
    const out = new Map<string, string>();
    for (const field of fields)
      for (const [name, range] of Object.entries(objectOf(manifest[field])))
        if (typeof range === "string") out.set(name, range);
    return out;
  };
  return {
    prod: collect(["dependencies", "optionalDependencies", "peerDependencies"]),
    dev: collect(["devDependencies"]),
  };
}
