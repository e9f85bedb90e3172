// bun.lock (bun 1.2+ text lockfile, JSON with trailing commas): `workspaces` hold each project's
// declared dependencies; `packages` map an install path ("a", "a/b" for b nested under a) to
// ["name@version", registry, {dependencies...}, integrity].
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { packagePurl } from "../purl.js";
import { scopesFromGraph } from "./dependency-scopes.js";
import { isObject, objectOf, parseJsonDocument, stringOf } from "./json-document.js";
import { jsonKeyLines, keyPathId } from "./json-key-lines.js";
import { jsoncToJson } from "./jsonc.js";
import { splitNameAtVersion } from "./npm-alias.js";

const PROD_FIELDS = ["dependencies", "optionalDependencies", "peerDependencies"];

export const bunLockExtractor: Extractor = {
  name: "bun.lock",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "bun.lock",
  async extract(content, context) {
    const json = jsoncToJson(content);
    const doc = parseJsonDocument(json, "bun.lock");
    if (!isObject(doc)) throw new ExtractorError("bun.lock must be a JSON object", 1);
    if (doc.packages !== undefined && !isObject(doc.packages))
      throw new ExtractorError("bun.lock: `packages` must be an object");
    const packages = objectOf(doc.packages);
    const lines = jsonKeyLines(
      json,
      (path) => path.length === 2 && path[0] === "packages",
      (path) => path.length === 1 && path[0] === "packages",
    );
    const keys = new Set(Object.keys(packages));
    /** The install path a dependency `name` of the package at `from` resolves to, as node does. */
    const resolve = (from: string, name: string): string | undefined => {
      for (let base = from; base !== "";) {
        const candidate = `${base}/${name}`;
        if (keys.has(candidate)) return candidate;
        base = parentKey(base) ?? "";
      }
      return keys.has(name) ? name : undefined;
    };
    /** The nearest enclosing install path: the longest proper prefix at a "/" that is a key. */
    const parentKey = (key: string): string | undefined => {
      for (let at = key.lastIndexOf("/"); at > 0; at = key.lastIndexOf("/", at - 1)) {
        const prefix = key.slice(0, at);
        if (keys.has(prefix)) return prefix;
      }
      return undefined;
    };

    const prodRoots = new Set<string>();
    const devRoots = new Set<string>();
    for (const workspace of Object.values(objectOf(doc.workspaces))) {
      if (!isObject(workspace)) continue;
      for (const field of PROD_FIELDS)
        for (const name of Object.keys(objectOf(workspace[field]))) if (keys.has(name)) prodRoots.add(name);
      for (const name of Object.keys(objectOf(workspace.devDependencies)))
        if (keys.has(name)) devRoots.add(name);
    }
    const edges = new Map<string, string[]>();
    for (const [key, value] of Object.entries(packages)) {
      if (!Array.isArray(value)) continue;
      const meta = value.find((v, i) => i > 0 && isObject(v));
      const targets: string[] = [];
      for (const field of ["dependencies", "optionalDependencies", "peerDependencies"])
        for (const name of Object.keys(objectOf(isObject(meta) ? meta[field] : undefined))) {
          const target = resolve(key, name);
          if (target) targets.push(target);
        }
      edges.set(key, targets);
    }
    const scopes = scopesFromGraph(edges, prodRoots, devRoots);

    const records: PackageRecord[] = [];
    for (const [key, value] of Object.entries(packages)) {
      const line = lines.get(keyPathId(["packages", key]));
      const spec = Array.isArray(value) ? stringOf(value[0]) : undefined;
      if (!spec) throw new ExtractorError(`bun.lock: package "${key}" is not ["name@version", ...]`, line);
      const { name, rest } = splitNameAtVersion(spec);
      if (!name || !rest) throw new ExtractorError(`bun.lock: cannot read "${spec}"`, line);
      if (/^(workspace|file|link|root):/.test(rest)) continue; // the project's own code
      const git = /^(github:|git\+|git:|https?:\/\/.*\.git)/.test(rest);
      const commit = git ? /#([0-9a-f]{7,40})$/i.exec(rest)?.[1] : undefined;
      const rec: PackageRecord = {
        name,
        version: rest,
        ecosystem: "npm",
        purl: packagePurl("npm", name, rest),
        direct: prodRoots.has(key) || devRoots.has(key),
        file: context.relativePath,
      };
      const scope = scopes.get(key);
      if (scope) rec.scopes = [scope];
      if (line !== undefined) rec.line = line;
      const parents: string[] = [];
      for (let p = parentKey(key); p !== undefined; p = parentKey(p)) {
        const parentSpec = stringOf((packages[p] as unknown[])[0]) ?? p;
        parents.unshift(splitNameAtVersion(parentSpec).name);
      }
      if (parents.length > 0) rec.parents = parents;
      if (commit) rec.commit = commit;
      records.push(rec);
    }
    return records;
  },
};
