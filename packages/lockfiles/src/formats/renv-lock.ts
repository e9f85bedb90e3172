// R renv.lock: `Packages` keyed by name. CRAN-like repositories map to OSV's CRAN ecosystem and
// Bioconductor sources to Bioconductor; GitHub/GitLab/local installs have no registry to match.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { DeclarationFinder } from "./line-index.js";
import { expectObject, isObject, parseJsonDocument, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";

export const renvLockExtractor: Extractor = {
  name: "renv.lock",
  matches: (path) => path.split("/").pop() === "renv.lock",
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "renv.lock"), "renv.lock");
    const packages = doc.Packages ?? {};
    if (!isObject(packages)) throw new ExtractorError('renv.lock: "Packages" must be an object');
    const finder = new DeclarationFinder(content);
    const records: PackageRecord[] = [];
    for (const [key, entry] of Object.entries(packages)) {
      const line = finder.jsonObjectKey(key);
      if (!isObject(entry)) throw new ExtractorError(`renv.lock: package ${key} must be an object`, line);
      const name = stringOf(entry.Package) ?? key;
      const version = stringOf(entry.Version);
      if (!version) throw new ExtractorError(`renv.lock: package ${key} has no Version`, line);
      const source = stringOf(entry.Source) ?? "Repository";
      const ecosystem =
        source === "Repository" ? "CRAN" : source === "Bioconductor" ? "Bioconductor" : undefined;
      if (!ecosystem) continue;
      records.push({
        name,
        version,
        ecosystem,
        purl: purlString({ type: ecosystem === "CRAN" ? "cran" : "bioconductor", name, version }),
        file: context.relativePath,
        line,
      });
    }
    return records;
  },
};
