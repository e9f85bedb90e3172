// NuGet packages.lock.json: per target framework, packages typed Direct, Transitive or
// CentralTransitive (and Project for project references, which are not packages). A package locked
// for several frameworks is reported once; direct if any framework references it directly.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { DeclarationFinder } from "./line-index.js";
import { expectObject, isObject, parseJsonDocument, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";

export const nugetPackagesLockExtractor: Extractor = {
  name: "packages.lock.json",
  matches: (path) => path.split("/").pop() === "packages.lock.json",
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "packages.lock.json"), "packages.lock.json");
    const frameworks = doc.dependencies ?? {};
    if (!isObject(frameworks))
      throw new ExtractorError('packages.lock.json: "dependencies" must be an object');
    const finder = new DeclarationFinder(content);
    const byKey = new Map<string, PackageRecord>();
    for (const [framework, packages] of Object.entries(frameworks)) {
      finder.jsonObjectKey(framework);
      if (!isObject(packages))
        throw new ExtractorError(`packages.lock.json: framework ${framework} must be an object`);
      for (const [name, entry] of Object.entries(packages)) {
        const line = finder.jsonObjectKey(name);
        if (!isObject(entry)) throw new ExtractorError(`packages.lock.json: ${name} must be an object`, line);
        const type = stringOf(entry.type);
        if (type === "Project") continue;
        const version = stringOf(entry.resolved);
        if (!version) throw new ExtractorError(`packages.lock.json: ${name} has no resolved version`, line);
        const direct = type === "Direct";
        const key = `${name.toLowerCase()}@${version.toLowerCase()}`;
        const seen = byKey.get(key);
        if (seen) {
          seen.direct = seen.direct || direct;
          continue;
        }
        byKey.set(key, {
          name,
          version,
          ecosystem: "NuGet",
          purl: purlString({ type: "nuget", name, version }),
          direct,
          file: context.relativePath,
          line,
        });
      }
    }
    return [...byKey.values()];
  },
};
