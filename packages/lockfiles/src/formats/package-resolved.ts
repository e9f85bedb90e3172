// Swift Package Manager Package.resolved: v1 `object.pins[]` (package, repositoryURL, state), v2 and
// v3 `pins[]` (identity, kind, location, state). OSV's SwiftURL names a package by its repository
// URL without scheme and ".git", e.g. github.com/apple/swift-nio.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { DeclarationFinder } from "./line-index.js";
import { expectObject, isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";

export function swiftUrlName(url: string): string {
  return url
    .trim()
    .replace(/^[a-z+]+:\/\//i, "")
    .replace(/^[^@/]+@([^:/]+):/, "$1/") // git@github.com:owner/repo
    .replace(/^www\./, "")
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
}

export const packageResolvedExtractor: Extractor = {
  name: "Package.resolved",
  matches: (path) => path.split("/").pop() === "Package.resolved",
  extract(content, context) {
    const doc = expectObject(parseJsonDocument(content, "Package.resolved"), "Package.resolved");
    const pins = Array.isArray(doc.pins) ? doc.pins : objectOf(doc.object).pins;
    if (!Array.isArray(pins))
      throw new ExtractorError("Package.resolved: no `pins` array (v2/v3) or `object.pins` (v1)");
    const finder = new DeclarationFinder(content);
    const records: PackageRecord[] = [];
    for (const pin of pins) {
      if (!isObject(pin)) throw new ExtractorError("Package.resolved: each pin must be an object");
      const url = stringOf(pin.location) ?? stringOf(pin.repositoryURL);
      const line = url
        ? (finder.jsonPair("location", url) ?? finder.jsonPair("repositoryURL", url))
        : undefined;
      if (!url) throw new ExtractorError("Package.resolved: a pin has no location or repositoryURL", line);
      if (pin.kind === "localSourceControl" || pin.kind === "fileSystem") continue;
      const state = objectOf(pin.state);
      const name = swiftUrlName(url);
      const version = stringOf(state.version);
      const slash = name.lastIndexOf("/");
      const record: PackageRecord = {
        name,
        ecosystem: "SwiftURL",
        purl: purlString({
          type: "swift",
          namespace: slash === -1 ? undefined : name.slice(0, slash),
          name: name.slice(slash + 1),
          version,
        }),
        file: context.relativePath,
        line,
      };
      if (version) record.version = version;
      else record.requirement = stringOf(state.branch) ? `branch ${stringOf(state.branch)}` : "revision";
      const revision = stringOf(state.revision);
      if (revision) record.commit = revision;
      records.push(record);
    }
    return records;
  },
};
