// Maven pom.xml: the dependencies a project declares (and, for `pom` packaging such as BOMs, the
// versions its dependencyManagement pins). ${properties} resolve against the project, its parents
// and the built-in project.* values; version-less dependencies take dependencyManagement versions
// from the project, its parents and imported BOMs. Parents and BOMs are looked up only inside the
// repository (parent relativePath, default ../pom.xml; BOMs among the parents' <modules>): never
// over the network, so versions that live elsewhere are reported unresolved with what was written.
import { posix } from "node:path";
import { ExtractorError, type ExtractContext, type Extractor } from "../extractor.js";
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { isObject, objectOf } from "./json-document.js";
import { purlString } from "./purl-string.js";
import { elementLines, parseXmlDocument, xmlText } from "./xml-document.js";

interface RawDependency {
  groupId: string;
  artifactId: string;
  version?: string;
  scope?: string;
  type?: string;
  optional?: string;
  line?: number;
}

interface RawPom {
  /** Path relative to the extracted file's directory. */
  path: string;
  groupId?: string;
  artifactId?: string;
  version?: string;
  packaging?: string;
  parent?: { groupId?: string; artifactId?: string; version?: string; relativePath?: string };
  properties: Record<string, string>;
  managed: RawDependency[];
  dependencies: RawDependency[];
  modules: string[];
}

const MAX_DEPTH = 12;

function dependencyList(container: unknown, lines: number[] = []): RawDependency[] {
  const list = objectOf(container).dependency;
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return items.map((d, i) => {
    const o = objectOf(d);
    return {
      groupId: xmlText(o.groupId)?.trim() ?? "",
      artifactId: xmlText(o.artifactId)?.trim() ?? "",
      version: xmlText(o.version)?.trim() || undefined,
      scope: xmlText(o.scope)?.trim() || undefined,
      type: xmlText(o.type)?.trim() || undefined,
      optional: xmlText(o.optional)?.trim() || undefined,
      line: lines[i],
    };
  });
}

function readPom(content: string, path: string, what: string): RawPom {
  const doc = parseXmlDocument(content, what, { arrays: ["dependency", "module"] });
  const project = doc.project;
  if (!isObject(project)) throw new ExtractorError(`${what}: no <project> element`, 1);
  const lines = elementLines(content, [
    "project/dependencies/dependency",
    "project/dependencyManagement/dependencies/dependency",
  ]);
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(objectOf(project.properties))) {
    const text = xmlText(value);
    if (text !== undefined) properties[key] = text.trim();
  }
  const parent = isObject(project.parent) ? project.parent : undefined;
  const modules = objectOf(project.modules).module;
  return {
    path,
    groupId: xmlText(project.groupId)?.trim(),
    artifactId: xmlText(project.artifactId)?.trim(),
    version: xmlText(project.version)?.trim(),
    packaging: xmlText(project.packaging)?.trim(),
    parent: parent && {
      groupId: xmlText(parent.groupId)?.trim(),
      artifactId: xmlText(parent.artifactId)?.trim(),
      version: xmlText(parent.version)?.trim(),
      relativePath: xmlText(parent.relativePath)?.trim(),
    },
    properties,
    managed: dependencyList(
      objectOf(project.dependencyManagement).dependencies,
      lines.get("project/dependencyManagement/dependencies/dependency"),
    ),
    dependencies: dependencyList(project.dependencies, lines.get("project/dependencies/dependency")),
    modules: (Array.isArray(modules) ? modules : []).map((m) => xmlText(m)?.trim() ?? "").filter(Boolean),
  };
}

function pomFile(dir: string, relative: string): string {
  const joined = posix.normalize(posix.join(dir, relative));
  return joined.endsWith(".xml") ? joined : posix.join(joined, "pom.xml");
}

/** Loads POMs relative to the extracted file, each at most once. */
class PomLoader {
  private readonly cache = new Map<string, Promise<RawPom | undefined>>();

  constructor(private readonly context: ExtractContext) {}

  load(path: string): Promise<RawPom | undefined> {
    let pending = this.cache.get(path);
    if (!pending) {
      pending = this.context.readSibling(path).then((content) => {
        if (content === undefined) return undefined;
        try {
          return readPom(content, path, path);
        } catch {
          return undefined; // a broken parent is reported when that file itself is extracted
        }
      });
      this.cache.set(path, pending);
    }
    return pending;
  }

  /** The project followed by the ancestors found in the repository, nearest first. */
  async lineage(pom: RawPom): Promise<RawPom[]> {
    const chain = [pom];
    const seen = new Set([pom.path]);
    let current = pom;
    while (current.parent && chain.length < MAX_DEPTH) {
      const { relativePath, groupId, artifactId } = current.parent;
      if (relativePath === "") break; // <relativePath/>: the parent comes from a repository only
      const path = pomFile(posix.dirname(current.path), relativePath ?? "../pom.xml");
      if (seen.has(path)) break;
      seen.add(path);
      const parent = await this.load(path);
      // Maven ignores a file at relativePath whose coordinates differ from the declared parent.
      if (
        !parent ||
        parent.artifactId !== artifactId ||
        (parent.groupId ?? parent.parent?.groupId) !== groupId
      )
        break;
      chain.push(parent);
      current = parent;
    }
    return chain;
  }
}

interface Effective {
  properties: Map<string, string>;
  managed: Map<string, RawDependency>;
  chain: RawPom[];
}

function interpolate(value: string, properties: Map<string, string>): string {
  let out = value;
  for (let i = 0; i < 10 && out.includes("${"); i++) {
    const next = out.replace(/\$\{([^}]+)\}/g, (whole, key: string) => properties.get(key) ?? whole);
    if (next === out) break;
    out = next;
  }
  return out;
}

async function effectiveModel(pom: RawPom, loader: PomLoader, depth = 0): Promise<Effective> {
  const chain = await loader.lineage(pom);
  const properties = new Map<string, string>();
  for (const p of [...chain].reverse())
    for (const [k, v] of Object.entries(p.properties)) properties.set(k, v);
  const version = pom.version ?? pom.parent?.version;
  const groupId = pom.groupId ?? pom.parent?.groupId;
  const builtins: Record<string, string | undefined> = {
    "project.version": version,
    "pom.version": version,
    version,
    "project.groupId": groupId,
    "pom.groupId": groupId,
    "project.artifactId": pom.artifactId,
    "project.parent.version": pom.parent?.version,
    "parent.version": pom.parent?.version,
    "project.parent.groupId": pom.parent?.groupId,
  };
  for (const [k, v] of Object.entries(builtins)) if (v !== undefined) properties.set(k, v);

  const managed = new Map<string, RawDependency>();
  const imports: RawDependency[] = [];
  // Nearest declaration wins: walk from the project up, keeping the first seen.
  for (const p of chain) {
    for (const dep of p.managed) {
      const resolved = resolveDependency(dep, properties);
      if (resolved.scope === "import" && resolved.type === "pom") imports.push(resolved);
      else {
        const key = `${resolved.groupId}:${resolved.artifactId}`;
        if (!managed.has(key)) managed.set(key, resolved);
      }
    }
  }
  if (depth < MAX_DEPTH) {
    for (const bom of imports) {
      const found = await findModule(chain, bom, loader);
      if (!found) continue;
      const inner = await effectiveModel(found, loader, depth + 1);
      for (const [key, dep] of inner.managed) if (!managed.has(key)) managed.set(key, dep);
    }
  }
  return { properties, managed, chain };
}

/** A BOM imported from the same repository is one of the ancestors' modules. */
async function findModule(
  chain: RawPom[],
  bom: RawDependency,
  loader: PomLoader,
): Promise<RawPom | undefined> {
  for (const ancestor of chain) {
    for (const module of ancestor.modules) {
      const candidate = await loader.load(pomFile(posix.dirname(ancestor.path), module));
      if (
        candidate &&
        candidate.artifactId === bom.artifactId &&
        (candidate.groupId ?? candidate.parent?.groupId) === bom.groupId
      )
        return candidate;
    }
  }
  return undefined;
}

function resolveDependency(dep: RawDependency, properties: Map<string, string>): RawDependency {
  return {
    ...dep,
    groupId: interpolate(dep.groupId, properties),
    artifactId: interpolate(dep.artifactId, properties),
    version: dep.version === undefined ? undefined : interpolate(dep.version, properties),
    scope: dep.scope === undefined ? undefined : interpolate(dep.scope, properties),
    type: dep.type === undefined ? undefined : interpolate(dep.type, properties),
  };
}

/** A plain version, or a hard requirement `[1.2.3]`, is exact; ranges and leftovers are not. */
function exactVersion(version: string | undefined): string | undefined {
  if (!version || version.includes("${")) return undefined;
  const hard = /^\[([^,\]]+)\]$/.exec(version);
  if (hard) return hard[1]?.trim();
  return /[[\](),]/.test(version) ? undefined : version;
}

export const mavenPomExtractor: Extractor = {
  name: "pom.xml",
  matches: (path) => {
    const base = path.split("/").pop() ?? "";
    return base === "pom.xml" || base.endsWith(".pom");
  },
  async extract(content, context) {
    const base = context.relativePath.split("/").pop() ?? "pom.xml";
    const pom = readPom(content, base, context.relativePath);
    const loader = new PomLoader(context);
    const model = await effectiveModel(pom, loader);
    const records: PackageRecord[] = [];

    const emit = (raw: RawDependency, fromManagement: boolean) => {
      const dep = resolveDependency(raw, model.properties);
      if (!dep.groupId || !dep.artifactId)
        throw new ExtractorError(
          `${context.relativePath}: a dependency has no groupId or artifactId`,
          raw.line,
        );
      const managed = model.managed.get(`${dep.groupId}:${dep.artifactId}`);
      const written = dep.version ?? managed?.version;
      const scope = dep.scope ?? managed?.scope;
      const version = exactVersion(written);
      const name = `${dep.groupId}:${dep.artifactId}`;
      const scopes: DependencyScope[] = [scope === "test" ? "dev" : "prod"];
      if ((dep.optional ?? managed?.optional) === "true") scopes.push("optional");
      const record: PackageRecord = {
        name,
        ecosystem: "Maven",
        direct: true,
        scopes,
        file: context.relativePath,
        line: raw.line,
      };
      if (version) {
        record.version = version;
        record.purl = purlString({ type: "maven", namespace: dep.groupId, name: dep.artifactId, version });
      } else {
        const parent = pom.parent
          ? ` (parent ${pom.parent.groupId}:${pom.parent.artifactId}:${interpolate(pom.parent.version ?? "?", model.properties)})`
          : "";
        record.requirement = written ?? `no version in this repository${fromManagement ? "" : parent}`;
      }
      records.push(record);
    };

    for (const dep of pom.dependencies) emit(dep, false);
    // A BOM or aggregator publishes its managed versions for others to use.
    if (pom.packaging === "pom") {
      for (const dep of pom.managed) {
        const resolved = resolveDependency(dep, model.properties);
        if (resolved.scope === "import") continue;
        emit(dep, true);
      }
    }
    return records;
  },
};
