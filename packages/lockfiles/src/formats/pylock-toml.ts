// pylock.toml / pylock.<name>.toml (PEP 751): [[packages]] with name, optional version, and a source
// (vcs, directory, archive, sdist/wheels). Local directories are the project's own code.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { isObject, objectOf, stringOf } from "./json-document.js";
import { pythonRecord } from "./python-record.js";
import { arrayTableLines } from "./toml-headers.js";
import { parseTomlDocument } from "./toml-document.js";

export const pylockTomlExtractor: Extractor = {
  name: "pylock.toml",
  matches: (path) => /^pylock\.([^./]+\.)?toml$/.test(path.slice(path.lastIndexOf("/") + 1)),
  async extract(content, context) {
    const doc = parseTomlDocument(content, "pylock.toml");
    if (doc["lock-version"] === undefined) throw new ExtractorError("pylock.toml: missing lock-version", 1);
    const packages = doc.packages ?? [];
    if (!Array.isArray(packages))
      throw new ExtractorError("pylock.toml: `packages` must be an array of tables");
    const headers = arrayTableLines(content, "packages");
    const records: PackageRecord[] = [];
    packages.forEach((pkg, i) => {
      const line = headers[i];
      if (!isObject(pkg)) throw new ExtractorError("pylock.toml: [[packages]] entry is not a table", line);
      const name = stringOf(pkg.name);
      if (!name) throw new ExtractorError("pylock.toml: [[packages]] lacks a name", line);
      if (isObject(pkg.directory)) return;
      const vcs = objectOf(pkg.vcs);
      const version = stringOf(pkg.version);
      records.push(
        pythonRecord({
          name,
          version,
          requirement: version ? undefined : (stringOf(vcs.url) ?? stringOf(objectOf(pkg.archive).url)),
          file: context.relativePath,
          line,
          commit: stringOf(vcs["commit-id"]),
        }),
      );
    });
    return records;
  },
};
