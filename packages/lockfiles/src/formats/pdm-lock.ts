// pdm.lock: [[package]] tables with `groups` ("default" is production); pyproject.toml tells the
// direct dependencies, and each package's `dependencies` the chains from them.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { arrayOf, isObject, stringOf, type JsonObject } from "./json-document.js";
import { parseRequirement } from "./pep508.js";
import { readPyprojectRoots } from "./pyproject-roots.js";
import { pythonLockChains } from "./python-lock-graph.js";
import { directOf, pythonRecord } from "./python-record.js";
import { normalizePythonName } from "../purl.js";
import { arrayTableLines } from "./toml-headers.js";
import { parseTomlDocument } from "./toml-document.js";

/** `dependencies`: PEP 508 requirement strings. */
export function pdmDependencyNames(pkg: JsonObject): string[] {
  return arrayOf(pkg.dependencies)
    .map((d) => (typeof d === "string" ? parseRequirement(d)?.name : undefined))
    .filter((n): n is string => n !== undefined);
}

export const pdmLockExtractor: Extractor = {
  name: "pdm.lock",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "pdm.lock",
  async extract(content, context) {
    const doc = parseTomlDocument(content, "pdm.lock");
    const packages = doc.package ?? [];
    if (!Array.isArray(packages)) throw new ExtractorError("pdm.lock: `package` must be an array of tables");
    const headers = arrayTableLines(content, "package");
    const roots = await readPyprojectRoots(context);
    const chains = pythonLockChains(packages, pdmDependencyNames, roots);
    const records: PackageRecord[] = [];
    packages.forEach((pkg, i) => {
      const line = headers[i];
      if (!isObject(pkg)) throw new ExtractorError("pdm.lock: [[package]] entry is not a table", line);
      const name = stringOf(pkg.name);
      if (!name) throw new ExtractorError("pdm.lock: [[package]] lacks a name", line);
      const version = stringOf(pkg.version);
      // Editable and local path entries are the project's own code.
      if (pkg.editable === true || typeof pkg.path === "string") return;
      const groups = arrayOf(pkg.groups).filter((g): g is string => typeof g === "string");
      const scopes: DependencyScope[] =
        groups.length === 0 ? [] : [groups.includes("default") ? "prod" : "dev"];
      records.push(
        pythonRecord({
          name,
          version,
          requirement: version ? undefined : (stringOf(pkg.url) ?? stringOf(pkg.git)),
          file: context.relativePath,
          line,
          scopes,
          direct: directOf(roots, name),
          parents: directOf(roots, name) === false ? chains.get(normalizePythonName(name)) : undefined,
          commit: stringOf(pkg.revision),
        }),
      );
    });
    return records;
  },
};
