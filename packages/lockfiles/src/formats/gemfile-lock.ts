// Ruby Bundler lockfiles (Gemfile.lock, gems.locked). GEM/GIT/PATH sections list specs: 4 spaces
// indent a gem `name (version[-platform])`, 6 spaces its own dependencies. DEPENDENCIES (2 spaces)
// lists the gems the Gemfile asks for, i.e. the direct ones; the dependency lines give the chains.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { addEdges, chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";
import { purlString } from "./purl-string.js";

const SPEC = /^ {4}([^\s(]+) \(([^)]+)\)$/;
const DEPENDENCY = /^ {2}([^\s(!]+)(?: \(([^)]*)\))?!?$/;
const SPEC_DEPENDENCY = /^ {6}([^\s(!]+)/;

interface GemSpec {
  name: string;
  version: string;
  line: number;
  commit?: string;
}

interface ParsedGemfileLock {
  /** GEM and GIT specs (PATH gems are the repository's own). */
  specs: GemSpec[];
  /** What each spec (PATH ones included) depends on, and DEPENDENCIES as the roots, in file order. */
  graph: DependencyGraph;
}

/** Platform gems carry the platform after the version (`1.16.0-x86_64-linux-gnu`); versions never hold "-". */
export function stripPlatform(version: string): string {
  const dash = version.indexOf("-");
  return dash === -1 ? version : version.slice(0, dash);
}

function parseGemfileLock(content: string): ParsedGemfileLock {
  const lines = content.split("\n").map((l) => l.replace(/\r$/, ""));
  let section = "";
  let revision: string | undefined;
  let inSpecs = false;
  let specName: string | undefined;
  const specs: GemSpec[] = [];
  const edges = new Map<string, string[]>();
  const roots: string[] = [];
  let sawSection = false;

  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === "") return;
    if (/^\S/.test(text)) {
      section = text.trim();
      sawSection = true;
      revision = undefined;
      inSpecs = false;
      specName = undefined;
      return;
    }
    if (!sawSection) throw new ExtractorError("Gemfile.lock: indented text before any section", line);
    if (section === "GEM" || section === "GIT" || section === "PATH" || section === "PLUGIN SOURCE") {
      const option = /^ {2}([a-z_]+):(?: (.*))?$/.exec(text);
      if (option) {
        if (option[1] === "revision") revision = option[2];
        inSpecs = option[1] === "specs";
        return;
      }
      if (!inSpecs) throw new ExtractorError(`Gemfile.lock: unexpected line in ${section}`, line);
      const dependency = SPEC_DEPENDENCY.exec(text);
      if (dependency) {
        // A dependency of the gem above (plugin sources are Bundler's own, not the app's graph).
        if (specName !== undefined && section !== "PLUGIN SOURCE")
          addEdges(edges, specName, [dependency[1]!]);
        return;
      }
      const spec = SPEC.exec(text);
      if (!spec) throw new ExtractorError("Gemfile.lock: spec must read `    name (version)`", line);
      specName = spec[1] ?? "";
      if (!edges.has(specName)) edges.set(specName, []);
      // PATH gems live in the repository itself; plugin sources are Bundler plugins.
      if (section === "PATH" || section === "PLUGIN SOURCE") return;
      specs.push({
        name: specName,
        version: stripPlatform(spec[2] ?? ""),
        line,
        commit: section === "GIT" ? revision : undefined,
      });
    } else if (section === "DEPENDENCIES") {
      const dep = DEPENDENCY.exec(text);
      if (!dep) throw new ExtractorError("Gemfile.lock: dependency must read `  name (requirement)`", line);
      roots.push(dep[1] ?? "");
    }
  });
  if (!sawSection) throw new ExtractorError("Gemfile.lock: no sections (GEM, DEPENDENCIES...) found", 1);
  return { specs, graph: { edges, roots, nameOf: (name) => name } };
}

/** The dependency graph Gemfile.lock records: spec dependency lines, rooted at DEPENDENCIES. */
export function gemfileLockGraph(content: string): DependencyGraph {
  return parseGemfileLock(content).graph;
}

export const gemfileLockExtractor: Extractor = {
  name: "Gemfile.lock",
  matches: (path) => {
    const base = path.split("/").pop();
    return base === "Gemfile.lock" || base === "gems.locked";
  },
  extract(content, context) {
    const { specs, graph } = parseGemfileLock(content);
    const direct = new Set(graph.roots);
    const chains = chainsFromGraph(graph.edges, graph.roots, graph.nameOf);
    const seen = new Set<string>();
    const records: PackageRecord[] = [];
    for (const spec of specs) {
      const key = `${spec.name}@${spec.version}`;
      if (seen.has(key)) continue; // the same gem for several platforms
      seen.add(key);
      const record: PackageRecord = {
        name: spec.name,
        version: spec.version,
        ecosystem: "RubyGems",
        purl: purlString({ type: "gem", name: spec.name, version: spec.version }),
        direct: direct.has(spec.name),
        file: context.relativePath,
        line: spec.line,
      };
      const chain = record.direct ? undefined : chains.get(spec.name);
      if (chain && chain.length > 0) record.parents = chain;
      if (spec.commit) record.commit = spec.commit;
      records.push(record);
    }
    return records;
  },
};
