// Gradle dependency verification (gradle/verification-metadata.xml): every component Gradle
// resolved, with group, name and version attributes.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { arrayOf, objectOf, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";
import { elementLines, parseXmlDocument } from "./xml-document.js";

const COMPONENT = "verification-metadata/components/component";

export const gradleVerificationMetadataExtractor: Extractor = {
  name: "verification-metadata.xml",
  matches: (path) => /(^|\/)gradle\/verification-metadata\.xml$/.test(path),
  extract(content, context) {
    const doc = parseXmlDocument(content, "verification-metadata.xml", {
      arrays: ["component"],
      attributes: true,
    });
    const root = doc["verification-metadata"];
    if (root === undefined)
      throw new ExtractorError("verification-metadata.xml: no <verification-metadata> element", 1);
    const lines = elementLines(content, [COMPONENT]).get(COMPONENT) ?? [];
    const records: PackageRecord[] = [];
    arrayOf(objectOf(objectOf(root).components).component).forEach((c, i) => {
      const o = objectOf(c);
      const group = stringOf(o["@group"]);
      const artifact = stringOf(o["@name"]);
      const version = stringOf(o["@version"]);
      if (!group || !artifact || !version)
        throw new ExtractorError(
          "verification-metadata.xml: a component lacks group, name or version",
          lines[i],
        );
      records.push({
        name: `${group}:${artifact}`,
        version,
        ecosystem: "Maven",
        purl: purlString({ type: "maven", namespace: group, name: artifact, version }),
        file: context.relativePath,
        line: lines[i],
      });
    });
    return records;
  },
};
