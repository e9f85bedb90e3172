// yarn.lock: classic v1 (yarn's own indented syntax) and Berry v2-v4 (YAML with __metadata). Both map
// the requested specs ("name@range", comma-separated) to one resolved package.
import { ExtractorError, type Extractor, type ExtractContext } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { packagePurl } from "../purl.js";
import { chainsFromGraph } from "./dependency-chains.js";
import { scopesFromGraph } from "./dependency-scopes.js";
import { isObject, objectOf, stringOf } from "./json-document.js";
import { readLockYaml } from "./lock-yaml.js";
import { gitCommitOf, splitNameAtVersion } from "./npm-alias.js";
import { readManifestRoots, type ManifestRoots } from "./package-json-roots.js";
import { parseYarnV1 } from "./yarn-v1-syntax.js";

interface Resolved {
  /** Key identifying the entry in the graph (its first spec). */
  id: string;
  specs: string[];
  name: string;
  version: string;
  line: number | undefined;
  /** Specs ("name@range") this entry depends on. */
  dependsOn: string[];
  commit?: string;
  /** A Berry workspace entry: the project's own package, whose dependencies are the direct ones. */
  workspace?: boolean;
}

function commitOf(resolved: string | undefined): string | undefined {
  if (!resolved) return undefined;
  return (
    gitCommitOf(resolved) ??
    /codeload\.github\.com\/[^/]+\/[^/]+\/tar\.gz\/([0-9a-f]{40})/i.exec(resolved)?.[1]
  );
}

/** Direct flags and scopes from package.json, propagated through the lockfile's graph. */
function toRecords(
  entries: Resolved[],
  roots: ManifestRoots | undefined,
  context: ExtractContext,
): PackageRecord[] {
  const bySpec = new Map<string, string>();
  for (const e of entries) for (const spec of e.specs) bySpec.set(spec, e.id);
  const edges = new Map<string, string[]>();
  for (const e of entries)
    edges.set(
      e.id,
      e.dependsOn.map((spec) => bySpec.get(spec)).filter((id): id is string => id !== undefined),
    );
  const rootIds = (declared: Map<string, string> | undefined): string[] =>
    [...(declared ?? [])]
      .map(([name, range]) => bySpec.get(`${name}@${range}`) ?? bySpec.get(`${name}@npm:${range}`))
      .filter((id): id is string => id !== undefined);
  const prodRoots = rootIds(roots?.prod);
  const devRoots = rootIds(roots?.dev);
  const direct = new Set([...prodRoots, ...devRoots]);
  const scopes = roots ? scopesFromGraph(edges, prodRoots, devRoots) : new Map<string, DependencyScope>();
  const nameOf = new Map(entries.map((e) => [e.id, e.name]));
  const chains = chainsFromGraph(edges, [...prodRoots, ...devRoots], (id) => nameOf.get(id) ?? id);
  return entries.map((e) => {
    const rec: PackageRecord = {
      name: e.name,
      version: e.version,
      ecosystem: "npm",
      purl: packagePurl("npm", e.name, e.version),
      file: context.relativePath,
    };
    if (e.line !== undefined) rec.line = e.line;
    if (roots) rec.direct = direct.has(e.id);
    const chain = direct.has(e.id) ? undefined : chains.get(e.id);
    if (chain && chain.length > 0) rec.parents = chain;
    const scope = scopes.get(e.id);
    if (scope) rec.scopes = [scope];
    if (e.commit) rec.commit = e.commit;
    return rec;
  });
}

/** The real package name of a spec: "alias@npm:real@^1" is real. */
function nameOfSpec(spec: string): string {
  const { name, rest } = splitNameAtVersion(spec);
  return rest.startsWith("npm:") && rest.includes("@", 5) ? splitNameAtVersion(rest.slice(4)).name : name;
}

function classicEntries(content: string): Resolved[] {
  const out: Resolved[] = [];
  for (const entry of parseYarnV1(content)) {
    const first = entry.specs[0] ?? "";
    const { rest } = splitNameAtVersion(first);
    if (/^(file|link|portal):/.test(rest)) continue; // local folders are the project's own code
    const version = entry.fields.version;
    if (typeof version !== "string")
      throw new ExtractorError(`yarn.lock: entry "${first}" has no version`, entry.line);
    const dependsOn: string[] = [];
    for (const field of ["dependencies", "optionalDependencies"]) {
      const deps = entry.fields[field];
      if (deps && typeof deps === "object")
        for (const [name, range] of Object.entries(deps))
          if (typeof range === "string") dependsOn.push(`${name}@${range}`);
    }
    const resolved = entry.fields.resolved;
    const commit = commitOf(
      typeof resolved === "string" && !/registry\.(yarnpkg|npmjs)\.(com|org)/.test(resolved)
        ? resolved
        : undefined,
    );
    out.push({
      id: first,
      specs: entry.specs,
      name: nameOfSpec(first),
      version,
      line: entry.line,
      dependsOn,
      ...(commit ? { commit } : {}),
    });
  }
  return out;
}

function berryEntries(content: string): Resolved[] {
  const yaml = readLockYaml(content, "yarn.lock", { keyLineDepth: 0 });
  const doc = yaml.value;
  const lines = yaml.keyLines.get(doc) ?? new Map<string, number>();
  const resolutions = new Set<string>();
  for (const [key, value] of Object.entries(doc))
    if (key !== "__metadata" && isObject(value)) resolutions.add(stringOf(value.resolution) ?? "");
  const out: Resolved[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (key === "__metadata") continue;
    const line = lines.get(key);
    if (!isObject(value)) throw new ExtractorError(`yarn.lock: entry "${key}" is not a mapping`, line);
    const resolution = stringOf(value.resolution);
    const version = value.version === undefined ? undefined : String(value.version);
    if (!resolution || !version)
      throw new ExtractorError(`yarn.lock: entry "${key}" lacks resolution or version`, line);
    const { name, rest } = splitNameAtVersion(resolution);
    // Workspaces and local folders are the project's own; links point at them.
    if (/^(workspace|file|link|portal):/.test(rest) || value.linkType === "soft") {
      if (rest.startsWith("workspace:"))
        out.push({
          id: key,
          specs: [],
          name,
          version: "",
          line,
          dependsOn: berryDeps(value),
          workspace: true,
        });
      continue;
    }
    // A patched package repeats the entry it patches: report the original once.
    if (rest.startsWith("patch:")) {
      const inner = decodeURIComponent(rest.slice(6).split("#")[0] ?? "");
      if (resolutions.has(inner)) continue;
    }
    const specs = key.split(/,\s*/);
    const commit = rest.startsWith("npm:") ? undefined : commitOf(rest);
    out.push({
      id: key,
      specs,
      name,
      version,
      line,
      dependsOn: berryDeps(value),
      ...(commit ? { commit } : {}),
    });
  }
  return out;
}

function berryDeps(value: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [name, range] of Object.entries(objectOf(value.dependencies)))
    out.push(`${name}@${String(range)}`);
  return out;
}

export const yarnLockExtractor: Extractor = {
  name: "yarn.lock",
  matches: (path) => path.slice(path.lastIndexOf("/") + 1) === "yarn.lock",
  async extract(content, context) {
    const berry = /^__metadata:/m.test(content);
    const entries = berry ? berryEntries(content) : classicEntries(content);
    // Berry lists the workspaces themselves: their dependencies are the direct ones.
    const workspaces = entries.filter((e) => e.workspace);
    const packages = entries.filter((e) => !e.workspace);
    let roots = await readManifestRoots(context);
    if (!roots && workspaces.length > 0) {
      const prod = new Map<string, string>();
      for (const w of workspaces)
        for (const spec of w.dependsOn) {
          const { name, rest } = splitNameAtVersion(spec);
          prod.set(name, rest);
        }
      roots = { prod, dev: new Map() };
      const records = toRecords(packages, roots, context);
      for (const r of records) delete r.scopes; // the lockfile does not tell dev from prod
      return records;
    }
    return toRecords(packages, roots, context);
  },
};
