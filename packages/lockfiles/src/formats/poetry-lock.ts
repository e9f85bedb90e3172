// poetry.lock (Poetry 1.x `category = "main"|"dev"`, 2.x `groups = [...]`): one [[package]] table per
// distribution; pyproject.toml beside it tells the direct ones, `[package.dependencies]` the chains.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { arrayOf, isObject, objectOf, stringOf, type JsonObject } from "./json-document.js";
import { readPyprojectRoots } from "./pyproject-roots.js";
import { pythonLockChains } from "./python-lock-graph.js";
import { directOf, pythonRecord } from "./python-record.js";
import { normalizePythonName } from "../purl.js";
import { arrayTableLines } from "./toml-headers.js";
import { parseTomlDocument } from "./toml-document.js";

function scopesOf(pkg: Record<string, unknown>): DependencyScope[] {
  const groups = arrayOf(pkg.groups).filter((g): g is string => typeof g === "string");
  const category = stringOf(pkg.category);
  const prod = groups.length > 0 ? groups.includes("main") : category !== "dev";
  const scopes: DependencyScope[] = [prod ? "prod" : "dev"];
  if (pkg.optional === true) scopes.push("optional");
  return scopes;
}

/** `[package.dependencies]`: one key per dependency (extras only count when asked for, so not here). */
export function poetryDependencyNames(pkg: JsonObject): string[] {
  return Object.keys(objectOf(pkg.dependencies));
}

export const poetryLockExtractor: Extractor = {
  name: "poetry.lock",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "poetry.lock",
  async extract(content, context) {
    const doc = parseTomlDocument(content, "poetry.lock");
    const packages = doc.package ?? [];
    if (!Array.isArray(packages))
      throw new ExtractorError("poetry.lock: `package` must be an array of tables");
    const headers = arrayTableLines(content, "package");
    const roots = await readPyprojectRoots(context);
    const chains = pythonLockChains(packages, poetryDependencyNames, roots);
    const records: PackageRecord[] = [];
    packages.forEach((pkg, i) => {
      const line = headers[i];
      if (!isObject(pkg)) throw new ExtractorError("poetry.lock: [[package]] entry is not a table", line);
      const name = stringOf(pkg.name);
      const version = stringOf(pkg.version);
      if (!name || !version) throw new ExtractorError("poetry.lock: [[package]] lacks name or version", line);
      const source = objectOf(pkg.source);
      // Local directories and files are the project's own code, not published releases.
      if (source.type === "directory" || source.type === "file") return;
      records.push(
        pythonRecord({
          name,
          version,
          file: context.relativePath,
          line,
          scopes: scopesOf(pkg),
          direct: directOf(roots, name),
          parents: directOf(roots, name) === false ? chains.get(normalizePythonName(name)) : undefined,
          commit: source.type === "git" ? stringOf(source.resolved_reference) : undefined,
        }),
      );
    });
    return records;
  },
};
