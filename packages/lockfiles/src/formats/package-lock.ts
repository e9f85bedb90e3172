// npm package-lock.json / npm-shrinkwrap.json: lockfile v1 (nested `dependencies` tree) and v2/v3
// (flat `packages` map keyed by install path).
import { ExtractorError, type Extractor, type ExtractContext } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { packagePurl } from "../purl.js";
import { isObject, objectOf, parseJsonDocument, stringOf, type JsonObject } from "./json-document.js";
import { jsonKeyLines, keyPathId, type KeyPath } from "./json-key-lines.js";
import { gitCommitOf, npmAlias } from "./npm-alias.js";

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

function declaredNames(manifest: JsonObject): Set<string> {
  const names = new Set<string>();
  for (const field of DEPENDENCY_FIELDS)
    for (const name of Object.keys(objectOf(manifest[field]))) names.add(name);
  return names;
}

function scopesOf(entry: JsonObject): DependencyScope[] {
  if (entry.devOptional === true) return ["dev", "optional"];
  const scopes: DependencyScope[] = [];
  if (entry.dev === true) scopes.push("dev");
  if (entry.optional === true) scopes.push("optional");
  if (entry.peer === true) scopes.push("peer");
  return scopes.length > 0 ? scopes : ["prod"];
}

/** Versions that are not registry versions: local paths and links give no package to match. */
function isLocal(version: string): boolean {
  return /^(file|link):/.test(version);
}

function record(
  name: string,
  version: string,
  entry: JsonObject,
  context: ExtractContext,
  line: number | undefined,
): PackageRecord {
  const resolved = stringOf(entry.resolved) ?? "";
  // Git dependencies carry the URL as their v1 version; the commit is the useful part.
  const commit =
    /^(git|github:|gitlab:|bitbucket:)/.test(version) || /^git/.test(resolved)
      ? (gitCommitOf(version) ?? gitCommitOf(resolved))
      : undefined;
  const out: PackageRecord = {
    name,
    version,
    ecosystem: "npm",
    purl: packagePurl("npm", name, version),
    scopes: scopesOf(entry),
    file: context.relativePath,
  };
  if (line !== undefined) out.line = line;
  if (commit) out.commit = commit;
  return out;
}

/** "a/node_modules/@s/b/node_modules/c" -> the package names along the path: ["@s/b", "c"] (after a workspace prefix). */
function namesAlongPath(path: string): { workspace: string; names: string[] } {
  const parts = path.split("node_modules/");
  const workspace = (parts.shift() ?? "").replace(/\/$/, "");
  return { workspace, names: parts.map((p) => p.replace(/\/$/, "")) };
}

function extractPackagesMap(content: string, packages: JsonObject, context: ExtractContext): PackageRecord[] {
  const lines = jsonKeyLines(
    content,
    (path) => path.length === 2 && path[0] === "packages",
    (path) => path.length === 1 && path[0] === "packages",
  );
  // Direct = declared by the root package or by a workspace (a key outside node_modules).
  const direct = new Map<string, Set<string>>();
  for (const [path, value] of Object.entries(packages)) {
    if (!path.includes("node_modules/") && isObject(value) && value.link !== true)
      direct.set(path, declaredNames(value));
  }
  const declared = [...direct];
  const records: PackageRecord[] = [];
  for (const [path, value] of Object.entries(packages)) {
    if (!path.includes("node_modules/")) continue; // the root and workspace sources are the project's own
    const line = lines.get(keyPathId(["packages", path]));
    if (!isObject(value)) throw new ExtractorError(`package-lock: entry "${path}" is not an object`, line);
    if (value.link === true) continue; // a symlink to a workspace or local folder, listed under its own key
    const { workspace, names } = namesAlongPath(path);
    const installedAs = names[names.length - 1] ?? "";
    const name = stringOf(value.name) ?? installedAs;
    const version = stringOf(value.version);
    if (!version || isLocal(version)) continue;
    const alias = npmAlias(version);
    const rec = record(alias?.name ?? name, alias?.version ?? version, value, context, line);
    if (names.length === 1) {
      // At the top level: the root's own, or hoisted for a workspace without its own copy.
      rec.direct =
        workspace === ""
          ? declared.some(
              ([ws, names]) =>
                names.has(installedAs) && (ws === "" || !(`${ws}/node_modules/${installedAs}` in packages)),
            )
          : (direct.get(workspace)?.has(installedAs) ?? false);
    } else {
      rec.direct = false;
      rec.parents = names.slice(0, -1);
    }
    records.push(rec);
  }
  return records;
}

function extractDependencyTree(
  content: string,
  dependencies: JsonObject,
  context: ExtractContext,
  directNames: Set<string> | undefined,
): PackageRecord[] {
  // Keys along dependencies -> name -> dependencies -> name ...: odd positions are package names.
  const inTree = (path: KeyPath): boolean =>
    path.every((key, i) => (i % 2 === 0 ? key === "dependencies" : true));
  const lines = jsonKeyLines(
    content,
    (path) => path.length % 2 === 0 && inTree(path),
    (path) => inTree(path),
  );
  const records: PackageRecord[] = [];
  const walk = (deps: JsonObject, keyPath: string[], parents: string[]): void => {
    for (const [installedAs, value] of Object.entries(deps)) {
      const here = [...keyPath, installedAs];
      const line = lines.get(keyPathId(here));
      if (!isObject(value))
        throw new ExtractorError(`package-lock: dependency "${installedAs}" is not an object`, line);
      const version = stringOf(value.version);
      if (version && !isLocal(version)) {
        const alias = npmAlias(version);
        const rec = record(alias?.name ?? installedAs, alias?.version ?? version, value, context, line);
        if (parents.length > 0) {
          rec.direct = false;
          rec.parents = parents;
        } else if (directNames) rec.direct = directNames.has(installedAs);
        records.push(rec);
      }
      if (isObject(value.dependencies))
        walk(value.dependencies, [...here, "dependencies"], [...parents, installedAs]);
    }
  };
  walk(dependencies, ["dependencies"], []);
  return records;
}

export const packageLockExtractor: Extractor = {
  name: "package-lock.json",
  matches(path) {
    const base = path.slice(path.lastIndexOf("/") + 1);
    // node_modules/.package-lock.json is npm's record of what is installed: same format.
    return base === "package-lock.json" || base === "npm-shrinkwrap.json" || base === ".package-lock.json";
  },
  async extract(content, context) {
    const doc = parseJsonDocument(content, "package-lock.json");
    if (!isObject(doc)) throw new ExtractorError("package-lock.json must be a JSON object", 1);
    if (doc.packages !== undefined) {
      if (!isObject(doc.packages))
        throw new ExtractorError("package-lock.json: `packages` must be an object");
      return extractPackagesMap(content, doc.packages, context);
    }
    if (doc.dependencies === undefined) return [];
    if (!isObject(doc.dependencies))
      throw new ExtractorError("package-lock.json: `dependencies` must be an object");
    // v1 does not record the root's own dependencies: package.json beside it does.
    const manifest = await context.readSibling("package.json");
    let directNames: Set<string> | undefined;
    if (manifest) {
      try {
        const parsed = JSON.parse(manifest) as unknown;
        if (isObject(parsed)) directNames = declaredNames(parsed);
      } catch {
        directNames = undefined; // a broken package.json only costs the direct flags
      }
    }
    return extractDependencyTree(content, doc.dependencies, context, directNames);
  },
};
