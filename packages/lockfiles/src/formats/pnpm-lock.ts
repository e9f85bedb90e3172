// pnpm-lock.yaml: v5 (`/name/1.2.3_peer@1` keys, dev flags), v6 (`/name@1.2.3(peer@1)` keys) and v9
// (`packages` keyed `name@1.2.3` plus `snapshots` holding the peer-resolved graph, no dev flags).
// `importers` (or the v5 top-level dependency maps) name each workspace project's direct dependencies.
import { ExtractorError, type Extractor, type ExtractContext } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { packagePurl } from "../purl.js";
import { chainsFromGraph } from "./dependency-chains.js";
import { scopesFromGraph } from "./dependency-scopes.js";
import { isObject, objectOf, stringOf, type JsonObject } from "./json-document.js";
import { readLockYaml } from "./lock-yaml.js";
import { gitCommitOf, splitNameAtVersion } from "./npm-alias.js";

const PROD_FIELDS = ["dependencies", "optionalDependencies"];
const DEV_FIELDS = ["devDependencies"];

type Era = 5 | 6 | 9;

/** Per-package fields this reader never looks at: skipped unparsed. */
const UNREAD_FIELDS = new Set([
  "engines",
  "cpu",
  "os",
  "libc",
  "hasBin",
  "bin",
  "deprecated",
  "peerDependencies",
  "peerDependenciesMeta",
  "transitivePeerDependencies",
  "requiresBuild",
  "bundledDependencies",
  "funding",
]);

function eraOf(version: unknown): Era {
  const n = Number.parseFloat(String(version ?? ""));
  if (Number.isNaN(n)) throw new ExtractorError("pnpm-lock.yaml: missing or unreadable lockfileVersion", 1);
  return n >= 9 ? 9 : n >= 6 ? 6 : 5;
}

/** Drops v6/v9 peer suffixes "(peer@1)(other@2)" and v5 "_peer@1+other@2". */
function stripPeers(key: string, era: Era): string {
  if (era === 5) {
    const slash = key.lastIndexOf("/");
    const underscore = key.indexOf("_", slash);
    return underscore === -1 ? key : key.slice(0, underscore);
  }
  const paren = key.indexOf("(");
  return paren === -1 ? key : key.slice(0, paren);
}

/** Name and version from a package key, before any name/version fields are considered. */
function parseKey(key: string, era: Era): { name: string; version: string } {
  const bare = stripPeers(key.startsWith("/") ? key.slice(1) : key, era);
  if (era === 5 && key.startsWith("/")) {
    const parts = bare.split("/");
    const scoped = bare.startsWith("@");
    const name = parts.slice(0, scoped ? 2 : 1).join("/");
    return { name, version: parts.slice(scoped ? 2 : 1).join("/") };
  }
  const { name, rest } = splitNameAtVersion(bare);
  return { name, version: rest };
}

/** The package key a dependency reference points at ("1.2.3(peer@1)", "alias@1.0.0", "/x/1.0.0", "link:..."). */
function refToKey(name: string, ref: string, era: Era): string | undefined {
  if (/^(link|file|workspace):/.test(ref)) return undefined;
  if (ref.startsWith("/")) return ref;
  // v9 writes an aliased dependency's reference as the real "name@version".
  if (era === 9) return /^(@[^/@]+\/)?[^/@:(]+@/.test(ref) ? ref : `${name}@${ref}`;
  if (/^[a-z0-9.-]+\.[a-z]+\//i.test(ref)) return ref; // github.com/owner/repo/sha and tarball hosts
  return era === 6 ? `/${name}@${ref}` : `/${name}/${ref}`;
}

/** Importer dependency maps: v6/v9 `{specifier, version}`, v5 plain version strings. */
function importerRefs(importer: JsonObject, fields: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const field of fields) {
    const deps = objectOf(importer[field]);
    for (const name of Object.keys(deps)) {
      const value = deps[name];
      const ref = isObject(value) ? stringOf(value.version) : value === null ? undefined : String(value);
      if (ref) out.push([name, ref]);
    }
  }
  return out;
}

function graphEdges(nodes: JsonObject, era: Era): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const key of Object.keys(nodes)) {
    const value = nodes[key];
    if (!isObject(value)) continue;
    const targets: string[] = [];
    for (const [name, ref] of importerRefs(value, PROD_FIELDS)) {
      const target = refToKey(name, ref, era);
      if (target) targets.push(target);
    }
    edges.set(key, targets);
  }
  return edges;
}

function commitOf(entry: JsonObject): string | undefined {
  const resolution = objectOf(entry.resolution);
  const commit = stringOf(resolution.commit);
  if (commit) return commit;
  const tarball = stringOf(resolution.tarball);
  return tarball ? (gitCommitOf(tarball) ?? /\/tar\.gz\/([0-9a-f]{40})/i.exec(tarball)?.[1]) : undefined;
}

function extractPnpm(
  doc: JsonObject,
  keyLinesOf: (map: object) => Map<string, number>,
  context: ExtractContext,
): PackageRecord[] {
  const era = eraOf(doc.lockfileVersion);
  const packages = objectOf(doc.packages);
  const lines = keyLinesOf(packages);
  // v5 single-project lockfiles keep the importer's maps at the top level.
  const importers = isObject(doc.importers) ? Object.values(doc.importers).filter(isObject) : [doc];
  // Graph nodes: v9 snapshots (peer-resolved), earlier versions the packages themselves.
  const nodes = era === 9 && isObject(doc.snapshots) ? doc.snapshots : packages;
  const prodRoots: string[] = [];
  const devRoots: string[] = [];
  for (const importer of importers) {
    for (const [name, ref] of importerRefs(importer, PROD_FIELDS)) {
      const key = refToKey(name, ref, era);
      if (key) prodRoots.push(key);
    }
    for (const [name, ref] of importerRefs(importer, DEV_FIELDS)) {
      const key = refToKey(name, ref, era);
      if (key) devRoots.push(key);
    }
  }
  const toPackageKey = (nodeKey: string): string => (era === 9 ? stripPeers(nodeKey, era) : nodeKey);
  const direct = new Set([...prodRoots, ...devRoots].map(toPackageKey));
  const edges = graphEdges(nodes, era);
  const graphScopes = scopesFromGraph(edges, prodRoots, devRoots);
  const chainOfPackage = new Map<string, string[]>();
  for (const [nodeKey, chain] of chainsFromGraph(
    edges,
    [...prodRoots, ...devRoots],
    (k) => parseKey(k, era).name || k,
  )) {
    const key = toPackageKey(nodeKey);
    if (!chainOfPackage.has(key)) chainOfPackage.set(key, chain);
  }
  const scopeOfPackage = new Map<string, DependencyScope>();
  for (const [nodeKey, scope] of graphScopes) {
    const key = toPackageKey(nodeKey);
    if (scopeOfPackage.get(key) !== "prod") scopeOfPackage.set(key, scope);
  }

  const optionalKeys = new Set<string>();
  if (era === 9)
    for (const nodeKey of Object.keys(nodes)) {
      const node = nodes[nodeKey];
      if (isObject(node) && node.optional === true) optionalKeys.add(toPackageKey(nodeKey));
    }

  const records: PackageRecord[] = [];
  for (const key of Object.keys(packages)) {
    const value = packages[key];
    const line = lines.get(key);
    if (value !== null && !isObject(value))
      throw new ExtractorError(`pnpm-lock.yaml: package "${key}" is not a mapping`, line);
    const entry = value ?? {};
    const parsed = parseKey(key, era);
    const name = stringOf(entry.name) ?? parsed.name;
    const version = entry.version === undefined ? parsed.version : String(entry.version);
    if (!name || !version)
      throw new ExtractorError(`pnpm-lock.yaml: cannot read a name and version from "${key}"`, line);
    if (/^(link|file):/.test(version)) continue;
    const scopes: DependencyScope[] = [];
    // v5/v6 flag dev-only (true) and prod-only (false) packages, absent meaning both; v9 leaves it to the graph.
    const scope =
      entry.dev === true ? "dev" : entry.dev === false || era !== 9 ? "prod" : scopeOfPackage.get(key);
    if (scope) scopes.push(scope);
    if (entry.optional === true || optionalKeys.has(key)) scopes.push("optional");
    const rec: PackageRecord = {
      name,
      version,
      ecosystem: "npm",
      purl: packagePurl("npm", name, version),
      direct: direct.has(key),
      file: context.relativePath,
    };
    if (scopes.length > 0) rec.scopes = scopes;
    if (line !== undefined) rec.line = line;
    const chain = rec.direct ? undefined : chainOfPackage.get(key);
    if (chain && chain.length > 0) rec.parents = chain;
    const commit = commitOf(entry);
    if (commit) rec.commit = commit;
    records.push(rec);
  }
  return records;
}

export const pnpmLockExtractor: Extractor = {
  name: "pnpm-lock.yaml",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "pnpm-lock.yaml",
  async extract(content, context) {
    const yaml = readLockYaml(content, "pnpm-lock.yaml", {
      keyLineDepth: 1,
      skip: { keys: UNREAD_FIELDS, depth: 2 },
    });
    return extractPnpm(yaml.value, (map) => yaml.keyLines.get(map) ?? new Map(), context);
  },
};
