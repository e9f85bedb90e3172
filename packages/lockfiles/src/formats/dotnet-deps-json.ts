// .NET *.deps.json (written next to a built app): `libraries` keyed "Name/Version"; type "package"
// entries came from NuGet, "project" and "reference" ones did not.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { DeclarationFinder } from "./line-index.js";
import { expectObject, isObject, parseJsonDocument, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";

export const dotnetDepsJsonExtractor: Extractor = {
  name: "deps.json",
  matches: (path) => path.endsWith(".deps.json"),
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "deps.json"), "deps.json");
    const libraries = doc.libraries ?? {};
    if (!isObject(libraries)) throw new ExtractorError('deps.json: "libraries" must be an object');
    const finder = new DeclarationFinder(content);
    finder.jsonObjectKey("libraries");
    const records: PackageRecord[] = [];
    for (const [key, entry] of Object.entries(libraries)) {
      const line = finder.jsonObjectKey(key);
      if (!isObject(entry)) throw new ExtractorError(`deps.json: library ${key} must be an object`, line);
      if (stringOf(entry.type) !== "package") continue;
      const slash = key.lastIndexOf("/");
      if (slash <= 0 || slash === key.length - 1)
        throw new ExtractorError(`deps.json: library key "${key}" must read Name/Version`, line);
      const name = key.slice(0, slash);
      const version = key.slice(slash + 1);
      records.push({
        name,
        version,
        ecosystem: "NuGet",
        purl: purlString({ type: "nuget", name, version }),
        file: context.relativePath,
        line,
      });
    }
    return records;
  },
};
