// Go go.sum, only as a fallback beside no go.mod: go.sum also hashes modules the build never
// compiles (go.mod-only entries for graph pruning, superseded versions), so go.mod is the better
// source whenever it exists. Only entries hashing a module's code (not just its go.mod) count.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { goPurl, goVersion } from "./go-mod.js";

export const goSumExtractor: Extractor = {
  name: "go.sum",
  matches: (path) => path.split("/").pop() === "go.sum",
  async extract(content, context) {
    if ((await context.readSibling("go.mod")) !== undefined) return [];
    return parseGoSum(content, context.relativePath);
  },
};

export function parseGoSum(content: string, file: string): PackageRecord[] {
  const seen = new Set<string>();
  const records: PackageRecord[] = [];
  content.split("\n").forEach((text, i) => {
    const fields = text.trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === "") return;
    const [path, version, hash] = fields;
    if (!path || !version || !hash || fields.length !== 3 || !hash.includes(":"))
      throw new ExtractorError("go.sum: each line must read `module version hash`", i + 1);
    if (version.endsWith("/go.mod")) return;
    const key = `${path}@${version}`;
    if (seen.has(key)) return;
    seen.add(key);
    records.push({
      name: path,
      version: goVersion(version),
      ecosystem: "Go",
      purl: goPurl(path, version),
      file,
      line: i + 1,
    });
  });
  return records;
}
