// CycloneDX XML (spec 1.2-1.6): <components><component> recursively, each through its <purl>;
// <dependencies> give direct flags and chains as in JSON (cyclonedx-graph.ts).
import { ExtractorError } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { applyCycloneDxGraph, type CycloneDxDependency } from "./cyclonedx-graph.js";
import { arrayOf, isObject, objectOf, stringOf } from "./json-document.js";
import type { JsonObject } from "./json-document.js";
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

/** `<dependency ref="a"><dependency ref="b"/></dependency>` under <dependencies>. */
function dependenciesOf(bom: JsonObject): CycloneDxDependency[] {
  return arrayOf(objectOf(bom.dependencies).dependency).flatMap((d) => {
    const ref = stringOf(objectOf(d)["@ref"]);
    const dependsOn = arrayOf(objectOf(d).dependency)
      .map((child) => stringOf(objectOf(child)["@ref"]))
      .filter((r): r is string => r !== undefined);
    return ref ? [{ ref, dependsOn }] : [];
  });
}

export const cycloneDxXmlExtractor: SniffingExtractor = {
  name: "CycloneDX XML",
  matches: (path) => {
    const base = (path.split("/").pop() ?? "").toLowerCase();
    return base === "bom.xml" || base.endsWith(".cdx.xml");
  },
  sniff: looksLikeCycloneDxXml,
  extract(content, context) {
    const doc = parseXmlDocument(content, "CycloneDX SBOM", {
      arrays: ["component", "dependency"],
      attributes: true,
    });
    const bom = doc.bom;
    if (!isObject(bom)) throw new ExtractorError("CycloneDX SBOM: no <bom> element", 1);
    const lines = componentLines(content);
    let index = 0;
    const records: PackageRecord[] = [];
    const recordOf = new Map<string, PackageRecord>();
    const names = new Map<string, string>();
    const walk = (container: unknown, depth: number) => {
      if (depth > MAX_DEPTH) throw new ExtractorError("CycloneDX SBOM: components nested too deeply");
      for (const c of arrayOf(objectOf(container).component)) {
        const o = objectOf(c);
        const line = lines[index++];
        const scope = xmlText(o.scope) ?? stringOf(o["@scope"]);
        const ref = stringOf(o["@bom-ref"]);
        const name = xmlText(o.name);
        if (ref && name && !names.has(ref)) names.set(ref, name);
        if (scope !== "excluded") {
          const record = sbomPackage({
            purl: xmlText(o.purl),
            version: xmlText(o.version),
            file: context.relativePath,
            line,
          });
          if (record) {
            if (scope === "optional") record.scopes = ["optional"];
            if (ref && !recordOf.has(ref)) recordOf.set(ref, record);
            records.push(record);
          }
        }
        walk(o.components, depth + 1);
      }
    };
    walk(bom.components, 0);
    // <component> is read as an array everywhere, the subject's one too.
    const subject = stringOf(objectOf(arrayOf(objectOf(bom.metadata).component)[0])["@bom-ref"]);
    applyCycloneDxGraph(subject, dependenciesOf(bom), recordOf, names);
    return dedupeRecords(records);
  },
};
