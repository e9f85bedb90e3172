// CycloneDX JSON (spec 1.2-1.6): components, nested components recursively, each through its purl.
// The dependency graph, where present, gives direct flags and chains (cyclonedx-graph.ts). Components
// scoped "excluded" are not part of the product.
import { ExtractorError } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { applyCycloneDxGraph, type CycloneDxDependency } from "./cyclonedx-graph.js";
import { DeclarationFinder } from "./line-index.js";
import { arrayOf, expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import type { JsonObject } from "./json-document.js";
import { dedupeRecords, sbomPackage } from "./sbom-package.js";
import type { SniffingExtractor } from "./sbom-extractor.js";
import { looksLikeCycloneDxJson } from "./sbom-sniff.js";

const MAX_DEPTH = 64;

function dependenciesOf(doc: JsonObject): CycloneDxDependency[] {
  return arrayOf(doc.dependencies).flatMap((d) => {
    const ref = isObject(d) ? stringOf(d.ref) : undefined;
    return ref ? [{ ref, dependsOn: arrayOf(objectOf(d).dependsOn).map(String) }] : [];
  });
}

export const cycloneDxJsonExtractor: SniffingExtractor = {
  name: "CycloneDX JSON",
  matches: (path) => {
    const base = (path.split("/").pop() ?? "").toLowerCase();
    return base === "bom.json" || base.endsWith(".cdx.json");
  },
  sniff: looksLikeCycloneDxJson,
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "CycloneDX SBOM"), "CycloneDX SBOM");
    if (doc.bomFormat !== "CycloneDX")
      throw new ExtractorError('CycloneDX SBOM: "bomFormat" is not "CycloneDX"', 1);
    const finder = new DeclarationFinder(content);
    const subject = stringOf(objectOf(objectOf(doc.metadata).component)["bom-ref"]);

    const records: PackageRecord[] = [];
    const recordOf = new Map<string, PackageRecord>();
    const componentName = new Map<string, string>();
    const walk = (components: unknown, depth: number) => {
      if (components === undefined) return;
      if (!Array.isArray(components))
        throw new ExtractorError('CycloneDX SBOM: "components" must be an array');
      if (depth > MAX_DEPTH) throw new ExtractorError("CycloneDX SBOM: components nested too deeply");
      for (const c of components) {
        if (!isObject(c)) throw new ExtractorError("CycloneDX SBOM: each component must be an object");
        const ref = stringOf(c["bom-ref"]);
        const purl = stringOf(c.purl);
        const line = ref ? finder.jsonPair("bom-ref", ref) : purl ? finder.jsonPair("purl", purl) : undefined;
        const name = stringOf(c.name);
        if (ref && name && !componentName.has(ref)) componentName.set(ref, name);
        if (c.scope !== "excluded") {
          const record = sbomPackage({
            purl,
            version: stringOf(c.version),
            file: context.relativePath,
            line,
          });
          if (record) {
            if (ref && !recordOf.has(ref)) recordOf.set(ref, record);
            if (c.scope === "optional") record.scopes = ["optional"];
            records.push(record);
          }
        }
        walk(c.components, depth + 1);
      }
    };
    walk(doc.components, 0);
    applyCycloneDxGraph(subject, dependenciesOf(doc), recordOf, componentName);
    return dedupeRecords(records);
  },
};
