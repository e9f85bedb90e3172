// Dart/Flutter pubspec.lock: hosted and git packages; `dependency` says direct main, direct dev,
// direct overridden or transitive. SDK and path packages are not published on pub.dev.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { isObject, objectOf, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";
import { keyLines, parseYamlDocument, yamlToJs } from "./yaml-document.js";

export const pubspecLockExtractor: Extractor = {
  name: "pubspec.lock",
  matches: (path) => path.split("/").pop() === "pubspec.lock",
  extract(content, context) {
    const yaml = parseYamlDocument(content, "pubspec.lock");
    const root: unknown = yamlToJs(yaml.doc, "pubspec.lock", { maxAliasCount: 1000 });
    if (root === null || root === undefined) return [];
    if (!isObject(root)) throw new ExtractorError("pubspec.lock: top level must be a mapping", 1);
    const packages = root.packages ?? {};
    if (!isObject(packages)) throw new ExtractorError("pubspec.lock: `packages` must be a mapping");
    const lines = keyLines(yaml, ["packages"]);
    const records: PackageRecord[] = [];
    for (const [key, entry] of Object.entries(packages)) {
      const line = lines.get(key);
      if (!isObject(entry)) throw new ExtractorError(`pubspec.lock: package ${key} must be a mapping`, line);
      const source = stringOf(entry.source);
      if (source !== "hosted" && source !== "git") continue;
      const version = entry.version === undefined ? undefined : String(entry.version);
      if (!version) throw new ExtractorError(`pubspec.lock: package ${key} has no version`, line);
      const description = objectOf(entry.description);
      const name = (stringOf(description.name) ?? key).toLowerCase();
      const dependency = stringOf(entry.dependency) ?? "";
      const scopes: DependencyScope[] = [dependency === "direct dev" ? "dev" : "prod"];
      const record: PackageRecord = {
        name,
        version,
        ecosystem: "Pub",
        purl: purlString({ type: "pub", name, version }),
        scopes,
        file: context.relativePath,
        line,
      };
      if (dependency) record.direct = dependency.startsWith("direct");
      const ref = stringOf(description["resolved-ref"]);
      if (source === "git" && ref) record.commit = ref;
      records.push(record);
    }
    return records;
  },
};
