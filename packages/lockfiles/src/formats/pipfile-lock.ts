// Pipfile.lock: JSON with `default` (production) and `develop` (dev) maps of name -> {version: "==X"}.
// The Pipfile beside it tells the direct dependencies.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import { jsonKeyLines, keyPathId } from "./json-key-lines.js";
import { exactVersion } from "./pep508.js";
import { readPipfileRoots } from "./pyproject-roots.js";
import { directOf, pythonRecord } from "./python-record.js";

const SECTIONS: [string, DependencyScope][] = [
  ["default", "prod"],
  ["develop", "dev"],
];

export const pipfileLockExtractor: Extractor = {
  name: "Pipfile.lock",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "Pipfile.lock",
  async extract(content, context) {
    const doc = parseJsonDocument(content, "Pipfile.lock");
    if (!isObject(doc)) throw new ExtractorError("Pipfile.lock must be a JSON object", 1);
    const lines = jsonKeyLines(
      content,
      (path) => path.length === 2 && (path[0] === "default" || path[0] === "develop"),
      (path) => path.length === 1,
    );
    const roots = await readPipfileRoots(context);
    const records: PackageRecord[] = [];
    for (const [section, scope] of SECTIONS) {
      if (doc[section] !== undefined && !isObject(doc[section]))
        throw new ExtractorError(`Pipfile.lock: \`${section}\` must be an object`);
      for (const [name, value] of Object.entries(objectOf(doc[section]))) {
        const line = lines.get(keyPathId([section, name]));
        if (!isObject(value)) throw new ExtractorError(`Pipfile.lock: "${name}" is not an object`, line);
        if (typeof value.path === "string") continue; // a local path: the project's own code
        const written = stringOf(value.version);
        const version = written ? exactVersion(written.replace(/\s+/g, "")) : undefined;
        records.push(
          pythonRecord({
            name,
            version,
            requirement: version ? undefined : (written ?? stringOf(value.git)),
            file: context.relativePath,
            line,
            scopes: [scope],
            direct: directOf(roots, name),
            commit: typeof value.git === "string" ? stringOf(value.ref) : undefined,
          }),
        );
      }
    }
    return records;
  },
};
