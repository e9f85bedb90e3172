// PHP composer.lock: `packages` (production) and `packages-dev`. Composer keeps a release's tag as its
// version ("v1.2.3"); OSV's Packagist ranges use the bare number, so a "v" before a digit is dropped.
// Which packages are direct comes from composer.json beside the lock, when it is there.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { DeclarationFinder } from "./line-index.js";
import { arrayOf, expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";

export function packagistVersion(version: string): string {
  return version.replace(/^v(?=\d)/, "");
}

async function directNames(
  readSibling: (p: string) => Promise<string | undefined>,
): Promise<Set<string> | undefined> {
  const manifest = await readSibling("composer.json");
  if (manifest === undefined) return undefined;
  try {
    const json = objectOf(JSON.parse(manifest) as unknown);
    return new Set(
      [...Object.keys(objectOf(json.require)), ...Object.keys(objectOf(json["require-dev"]))].map((n) =>
        n.toLowerCase(),
      ),
    );
  } catch {
    return undefined; // composer.json is its own file; its faults are not this lock's
  }
}

export const composerLockExtractor: Extractor = {
  name: "composer.lock",
  matches: (path) => path.split("/").pop() === "composer.lock",
  async extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "composer.lock"), "composer.lock");
    const finder = new DeclarationFinder(content);
    const direct = await directNames(context.readSibling);
    const records: PackageRecord[] = [];
    for (const [key, dev] of [
      ["packages", false],
      ["packages-dev", true],
    ] as const) {
      if (doc[key] !== undefined && doc[key] !== null && !Array.isArray(doc[key]))
        throw new ExtractorError(`composer.lock: "${key}" must be an array`);
      for (const pkg of arrayOf(doc[key])) {
        const name = isObject(pkg) ? stringOf(pkg.name) : undefined;
        const version = isObject(pkg) ? stringOf(pkg.version) : undefined;
        if (!isObject(pkg) || !name || !version)
          throw new ExtractorError(`composer.lock: an entry of "${key}" has no name or version`);
        const normalised = name.toLowerCase();
        const record: PackageRecord = {
          name: normalised,
          version: packagistVersion(version),
          ecosystem: "Packagist",
          purl: purlString({
            type: "composer",
            namespace: normalised.includes("/") ? normalised.split("/")[0] : undefined,
            name: normalised.split("/").pop() ?? normalised,
            version: packagistVersion(version),
          }),
          scopes: [dev ? "dev" : "prod"],
          file: context.relativePath,
          line: finder.jsonPair("name", name),
        };
        if (direct) record.direct = direct.has(normalised);
        const reference = stringOf(objectOf(pkg.source).reference);
        if (reference && /^[0-9a-f]{40}$/.test(reference) && version.startsWith("dev-"))
          record.commit = reference;
        records.push(record);
      }
    }
    return records;
  },
};
