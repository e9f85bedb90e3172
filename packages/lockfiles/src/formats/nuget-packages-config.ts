// NuGet packages.config (pre-PackageReference projects): <package id version developmentDependency>.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { arrayOf, objectOf, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";
import { elementLines, parseXmlDocument } from "./xml-document.js";

export const nugetPackagesConfigExtractor: Extractor = {
  name: "packages.config",
  matches: (path) => path.split("/").pop() === "packages.config",
  extract(content, context) {
    const doc = parseXmlDocument(content, "packages.config", { arrays: ["package"], attributes: true });
    if (doc.packages === undefined) throw new ExtractorError("packages.config: no <packages> element", 1);
    const lines = elementLines(content, ["packages/package"]).get("packages/package") ?? [];
    const records: PackageRecord[] = [];
    arrayOf(objectOf(doc.packages).package).forEach((p, i) => {
      const o = objectOf(p);
      const name = stringOf(o["@id"]);
      const version = stringOf(o["@version"]);
      if (!name || !version)
        throw new ExtractorError("packages.config: a package lacks id or version", lines[i]);
      records.push({
        name,
        version,
        ecosystem: "NuGet",
        purl: purlString({ type: "nuget", name, version }),
        direct: true,
        scopes: [stringOf(o["@developmentDependency"])?.toLowerCase() === "true" ? "dev" : "prod"],
        file: context.relativePath,
        line: lines[i],
      });
    });
    return records;
  },
};
