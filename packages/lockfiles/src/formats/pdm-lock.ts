// pdm.lock: [[package]] tables with `groups` ("default" is production); pyproject.toml tells the
// direct dependencies.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { arrayOf, isObject, stringOf } from "./json-document.js";
import { readPyprojectRoots } from "./pyproject-roots.js";
import { directOf, pythonRecord } from "./python-record.js";
import { arrayTableLines } from "./toml-headers.js";
import { parseTomlDocument } from "./toml-document.js";

export const pdmLockExtractor: Extractor = {
  name: "pdm.lock",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "pdm.lock",
  async extract(content, context) {
    const doc = parseTomlDocument(content, "pdm.lock");
    const packages = doc.package ?? [];
    if (!Array.isArray(packages)) throw new ExtractorError("pdm.lock: `package` must be an array of tables");
    const headers = arrayTableLines(content, "package");
    const roots = await readPyprojectRoots(context);
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
          commit: stringOf(pkg.revision),
        }),
      );
    });
    return records;
  },
};
