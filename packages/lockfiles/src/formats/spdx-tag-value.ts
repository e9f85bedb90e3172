// SPDX 2.x tag-value (.spdx): `PackageName:` starts a package; `ExternalRef: PACKAGE-MANAGER purl
// <purl>` names it; `PackageVersion:` is the fallback version. <text>...</text> values may span lines.
import { ExtractorError } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { dedupeRecords, sbomPackage } from "./sbom-package.js";
import type { SniffingExtractor } from "./sbom-extractor.js";
import { looksLikeSpdxTagValue } from "./sbom-sniff.js";
import { isPackageManagerPurl } from "./spdx-json.js";

interface PendingPackage {
  line: number;
  version?: string;
  purls: string[];
}

export const spdxTagValueExtractor: SniffingExtractor = {
  name: "SPDX tag-value",
  matches: (path) => (path.split("/").pop() ?? "").toLowerCase().endsWith(".spdx"),
  sniff: looksLikeSpdxTagValue,
  extract(content, context) {
    const records: PackageRecord[] = [];
    let current: PendingPackage | undefined;
    let sawVersion = false;
    let inText: number | undefined;
    const flush = () => {
      if (!current) return;
      for (const purl of current.purls) {
        const record = sbomPackage({
          purl,
          version: current.version,
          file: context.relativePath,
          line: current.line,
        });
        if (record) records.push(record);
      }
      current = undefined;
    };
    content.split("\n").forEach((raw, i) => {
      const line = i + 1;
      const text = raw.replace(/\r$/, "");
      if (inText !== undefined) {
        if (text.includes("</text>")) inText = undefined;
        return;
      }
      if (text.trim() === "" || text.trimStart().startsWith("#")) return;
      const colon = text.indexOf(":");
      if (colon <= 0) throw new ExtractorError("SPDX tag-value: expected `Tag: value`", line);
      const tag = text.slice(0, colon).trim();
      const value = text.slice(colon + 1).trim();
      if (value.startsWith("<text>") && !value.includes("</text>")) inText = line;
      if (tag === "SPDXVersion") sawVersion = true;
      else if (tag === "PackageName") {
        flush();
        current = { line, purls: [] };
      } else if (tag === "PackageVersion" && current) current.version = value;
      else if (tag === "ExternalRef" && current) {
        const [category, type, locator] = value.split(/\s+/);
        if (locator && isPackageManagerPurl(category, type)) current.purls.push(locator);
      } else if (tag === "FileName" || tag === "SnippetSPDXID" || tag === "LicenseID") flush();
    });
    if (inText !== undefined) throw new ExtractorError("SPDX tag-value: <text> is never closed", inText);
    if (!sawVersion) throw new ExtractorError("SPDX tag-value: no SPDXVersion line", 1);
    flush();
    return dedupeRecords(records);
  },
};
