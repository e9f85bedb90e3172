// SPDX 2.2/2.3 JSON: packages[] with externalRefs of category PACKAGE-MANAGER (PACKAGE_MANAGER in
// 2.2 writers) and type purl. Packages without a purl cannot be matched to an ecosystem.
import { ExtractorError } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { DeclarationFinder } from "./line-index.js";
import { arrayOf, expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import { dedupeRecords, sbomPackage } from "./sbom-package.js";
import type { SniffingExtractor } from "./sbom-extractor.js";
import { looksLikeSpdxJson } from "./sbom-sniff.js";

export function isPackageManagerPurl(category: string | undefined, type: string | undefined): boolean {
  return (category ?? "").replace("_", "-").toUpperCase() === "PACKAGE-MANAGER" && type === "purl";
}

export const spdxJsonExtractor: SniffingExtractor = {
  name: "SPDX JSON",
  matches: (path) => (path.split("/").pop() ?? "").toLowerCase().endsWith(".spdx.json"),
  sniff: looksLikeSpdxJson,
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "SPDX SBOM"), "SPDX SBOM");
    if (!stringOf(doc.spdxVersion)?.startsWith("SPDX-"))
      throw new ExtractorError('SPDX SBOM: "spdxVersion" is missing or not SPDX-x.y', 1);
    if (doc.packages !== undefined && !Array.isArray(doc.packages))
      throw new ExtractorError('SPDX SBOM: "packages" must be an array');
    const finder = new DeclarationFinder(content);
    const records: PackageRecord[] = [];
    for (const pkg of arrayOf(doc.packages)) {
      if (!isObject(pkg)) throw new ExtractorError("SPDX SBOM: each package must be an object");
      const id = stringOf(pkg.SPDXID);
      const line = id ? finder.jsonPair("SPDXID", id) : undefined;
      for (const ref of arrayOf(pkg.externalRefs)) {
        const r = objectOf(ref);
        if (!isPackageManagerPurl(stringOf(r.referenceCategory), stringOf(r.referenceType))) continue;
        const record = sbomPackage({
          purl: stringOf(r.referenceLocator),
          version: stringOf(pkg.versionInfo),
          file: context.relativePath,
          line,
        });
        if (record) records.push(record);
      }
    }
    return dedupeRecords(records);
  },
};
