// uv.lock: [[package]] tables. The project's own packages (editable, virtual or path sources) are not
// reported; their dependencies, optional dependencies and dev groups are the direct ones, and the
// graph from them gives every package its prod/dev scope.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { normalizePythonName } from "../purl.js";
import { chainsFromGraph } from "./dependency-chains.js";
import { scopesFromGraph } from "./dependency-scopes.js";
import { arrayOf, isObject, objectOf, stringOf, type JsonObject } from "./json-document.js";
import { pythonRecord } from "./python-record.js";
import { arrayTableLines } from "./toml-headers.js";
import { parseTomlDocument } from "./toml-document.js";

function namesOf(list: unknown): string[] {
  return arrayOf(list)
    .map((d) => (isObject(d) ? stringOf(d.name) : undefined))
    .filter((n): n is string => n !== undefined)
    .map(normalizePythonName);
}

function isOwn(source: JsonObject): boolean {
  return "editable" in source || "virtual" in source || "directory" in source || "path" in source;
}

export const uvLockExtractor: Extractor = {
  name: "uv.lock",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "uv.lock",
  async extract(content, context) {
    const doc = parseTomlDocument(content, "uv.lock");
    const packages = doc.package ?? [];
    if (!Array.isArray(packages)) throw new ExtractorError("uv.lock: `package` must be an array of tables");
    const headers = arrayTableLines(content, "package");
    const edges = new Map<string, string[]>();
    const prodRoots: string[] = [];
    const devRoots: string[] = [];
    packages.forEach((pkg, i) => {
      if (!isObject(pkg)) throw new ExtractorError("uv.lock: [[package]] entry is not a table", headers[i]);
      const name = normalizePythonName(stringOf(pkg.name) ?? "");
      const optional = Object.values(objectOf(pkg["optional-dependencies"])).flatMap(namesOf);
      const deps = [...namesOf(pkg.dependencies), ...optional];
      edges.set(name, [...(edges.get(name) ?? []), ...deps]);
      if (isOwn(objectOf(pkg.source))) {
        prodRoots.push(...deps);
        devRoots.push(...Object.values(objectOf(pkg["dev-dependencies"])).flatMap(namesOf));
      }
    });
    const scopes = scopesFromGraph(edges, prodRoots, devRoots);
    const direct = new Set([...prodRoots, ...devRoots]);
    const chains = chainsFromGraph(edges, [...prodRoots, ...devRoots], (n) => n);
    const records: PackageRecord[] = [];
    packages.forEach((pkg, i) => {
      const line = headers[i];
      const entry = pkg as JsonObject;
      const name = stringOf(entry.name);
      if (!name) throw new ExtractorError("uv.lock: [[package]] lacks a name", line);
      const source = objectOf(entry.source);
      if (isOwn(source)) return;
      const normalized = normalizePythonName(name);
      const scope = scopes.get(normalized);
      const git = stringOf(source.git);
      records.push(
        pythonRecord({
          name,
          version: stringOf(entry.version),
          requirement: entry.version === undefined ? (git ?? stringOf(source.url)) : undefined,
          file: context.relativePath,
          line,
          scopes: scope ? [scope] : undefined,
          direct: direct.has(normalized),
          parents: direct.has(normalized) ? undefined : chains.get(normalized),
          commit: git ? /#([0-9a-f]{40})$/i.exec(git)?.[1] : undefined,
        }),
      );
    });
    return records;
  },
};
