// Haskell Stack stack.yaml.lock: `packages[].completed.hackage` (or `original.hackage`) reads
// `name-1.2.3@sha256:<hash>,<size>`; snapshots are skipped (they name a resolver, not packages).
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { isObject, objectOf, stringOf } from "./json-document.js";
import { purlString } from "./purl-string.js";
import { parseYamlDocument, yamlToJs } from "./yaml-document.js";
import { isMap, isSeq } from "yaml";

export function parseHackageId(id: string): { name: string; version: string } | undefined {
  const match = /^([A-Za-z0-9][\w-]*?)-(\d+(?:\.\d+)*)(?:@.*)?$/.exec(id.trim());
  return match ? { name: match[1] ?? "", version: match[2] ?? "" } : undefined;
}

export const stackYamlLockExtractor: Extractor = {
  name: "stack.yaml.lock",
  matches: (path) => path.split("/").pop() === "stack.yaml.lock",
  extract(content, context) {
    const yaml = parseYamlDocument(content, "stack.yaml.lock");
    const root: unknown = yamlToJs(yaml.doc, "stack.yaml.lock", { maxAliasCount: 1000 });
    if (root === null || root === undefined) return [];
    if (!isObject(root)) throw new ExtractorError("stack.yaml.lock: top level must be a mapping", 1);
    const packages = root.packages ?? [];
    if (!Array.isArray(packages)) throw new ExtractorError("stack.yaml.lock: `packages` must be a list");
    const nodes = yaml.doc.get("packages", true);
    const records: PackageRecord[] = [];
    packages.forEach((entry, i) => {
      const node = isSeq(nodes) ? nodes.items[i] : undefined;
      const line = isMap(node) && node.range ? yaml.lines.lineAt(node.range[0]) : undefined;
      const hackage =
        stringOf(objectOf(objectOf(entry).completed).hackage) ??
        stringOf(objectOf(objectOf(entry).original).hackage);
      if (hackage === undefined) return; // git or archive package
      const id = parseHackageId(hackage);
      if (!id) throw new ExtractorError(`stack.yaml.lock: malformed hackage entry "${hackage}"`, line);
      records.push({
        ...id,
        ecosystem: "Hackage",
        purl: purlString({ type: "hackage", ...id }),
        file: context.relativePath,
        line,
      });
    });
    return records;
  },
};
