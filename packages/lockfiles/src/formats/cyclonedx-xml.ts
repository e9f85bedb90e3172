// CycloneDX XML (spec 1.2-1.6): <components><component> recursively, each through its <purl>.
import { ExtractorError } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { arrayOf, isObject, objectOf, stringOf } from "./json-document.js";
import { dedupeRecords, sbomPackage } from "./sbom-package.js";
import type { SniffingExtractor } from "./sbom-extractor.js";
import { looksLikeCycloneDxXml } from "./sbom-sniff.js";
import { parseXmlDocument, scanStartTags, xmlText } from "./xml-document.js";

const MAX_DEPTH = 64;

/** Start lines of the <component> elements the walk visits, nested through component/components. */
const COMPONENT_PATH = /^bom\/components(\/component\/components)*\/component$/;

function componentLines(content: string): number[] {
  const lines: number[] = [];
  scanStartTags(content, (path, line) => {
    if (COMPONENT_PATH.test(path)) lines.push(line);
  });
  return lines;
}

export const cycloneDxXmlExtractor: SniffingExtractor = {
  name: "CycloneDX XML",
  matches: (path) => {
    const base = (path.split("/").pop() ?? "").toLowerCase();
    return base === "bom.xml" || base.endsWith(".cdx.xml");
  },
  sniff: looksLikeCycloneDxXml,
  extract(content, context) {
    const doc = parseXmlDocument(content, "CycloneDX SBOM", { arrays: ["component"], attributes: true });
    const bom = doc.bom;
    if (!isObject(bom)) throw new ExtractorError("CycloneDX SBOM: no <bom> element", 1);
    const lines = componentLines(content);
    let index = 0;
    const records: PackageRecord[] = [];
    const walk = (container: unknown, depth: number) => {
      if (depth > MAX_DEPTH) throw new ExtractorError("CycloneDX SBOM: components nested too deeply");
      for (const c of arrayOf(objectOf(container).component)) {
        const o = objectOf(c);
        const line = lines[index++];
        const scope = xmlText(o.scope) ?? stringOf(o["@scope"]);
        if (scope !== "excluded") {
          const record = sbomPackage({
            purl: xmlText(o.purl),
            version: xmlText(o.version),
            file: context.relativePath,
            line,
          });
          if (record) {
            if (scope === "optional") record.scopes = ["optional"];
            records.push(record);
          }
        }
        walk(o.components, depth + 1);
      }
    };
    walk(bom.components, 0);
    return dedupeRecords(records);
  },
};
