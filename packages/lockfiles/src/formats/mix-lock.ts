// Elixir mix.lock: an Elixir map, one entry per line, `"app": {:hex, :package, "version", ...}`.
// Git and path entries are not Hex packages. Each entry lists its own dependencies by app name; the
// direct ones are in mix.exs beside the lock, when it is there.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { addEdges, chainsFromGraph, type DependencyGraph } from "./dependency-chains.js";
import { mixExsDeps } from "./mix-exs-deps.js";
import { purlString } from "./purl-string.js";

const ENTRY = /^\s*"([^"]+)":\s*\{\s*:(\w+)\s*,(.*)$/;
const HEX = /^\s*:"?([\w.-]+)"?\s*,\s*"([^"]+)"/;
// `{:app, "requirement" | nil, [hex: :package, repo: "hexpm", optional: false]}` in an entry's deps list.
// The options list holds no braces, so a scan for its "]" stops at the next tuple: linear on any line.
const DEPENDENCY = /\{:"?([\w.-]+)"?,\s*(?:"[^"{}]*"|nil),\s*\[([^\]{}]*)\]\}/g;

interface MixEntry {
  app: string;
  /** The Hex package (usually the app name), for :hex entries. */
  hex?: { name: string; version: string };
  line: number;
  /** Apps it needs (optional ones left out: they are locked only when something else needs them). */
  dependencies: string[];
}

function parseMixLock(content: string): MixEntry[] {
  const lines = content.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first === -1) return [];
  if (!lines[first]?.trim().startsWith("%{"))
    throw new ExtractorError("mix.lock: expected an Elixir map starting with %{", first + 1);
  const last = lines.findLastIndex((l) => l.trim() !== "");
  if (!lines[last]?.trim().endsWith("}"))
    throw new ExtractorError("mix.lock: the map is not closed", last + 1);
  const entries: MixEntry[] = [];
  lines.forEach((text, i) => {
    const entry = ENTRY.exec(text.replace(/^\s*%\{/, ""));
    if (!entry) return;
    const rest = entry[3] ?? "";
    const dependencies = [...rest.matchAll(DEPENDENCY)]
      .filter((d) => !/optional:\s*true/.test(d[2] ?? ""))
      .map((d) => d[1]!);
    const parsed: MixEntry = { app: entry[1] ?? "", line: i + 1, dependencies };
    if (entry[2] === "hex") {
      const hex = HEX.exec(rest);
      if (!hex)
        throw new ExtractorError(`mix.lock: hex entry "${entry[1]}" must name a package and version`, i + 1);
      parsed.hex = { name: hex[1] ?? "", version: hex[2] ?? "" };
    }
    entries.push(parsed);
  });
  return entries;
}

function mixGraph(entries: readonly MixEntry[], roots: string[]): DependencyGraph {
  const edges = new Map<string, string[]>();
  const packageOf = new Map<string, string>();
  for (const e of entries) {
    addEdges(edges, e.app, e.dependencies);
    if (e.hex) packageOf.set(e.app, e.hex.name);
  }
  return { edges, roots, nameOf: (app) => packageOf.get(app) ?? app };
}

/** The graph mix.lock records, rooted at mix.exs's deps (for tests; the extractor builds it itself). */
export function mixLockGraph(content: string, mixExs: string): DependencyGraph {
  return mixGraph(parseMixLock(content), mixExsDeps(mixExs) ?? []);
}

export const mixLockExtractor: Extractor = {
  name: "mix.lock",
  matches: (path) => path.split("/").pop() === "mix.lock",
  extract(content, context) {
    const entries = parseMixLock(content); // malformed files fail here, before any sibling is read
    return context.readSibling("mix.exs").then((mixExs) => {
      const roots = mixExsDeps(mixExs);
      const direct = roots && new Set(roots);
      const graph = roots && mixGraph(entries, roots);
      const chains = graph && chainsFromGraph(graph.edges, graph.roots, graph.nameOf);
      const records: PackageRecord[] = [];
      for (const { app, hex, line } of entries) {
        if (!hex) continue; // git and path dependencies are not Hex packages
        const record: PackageRecord = {
          name: hex.name,
          version: hex.version,
          ecosystem: "Hex",
          purl: purlString({ type: "hex", name: hex.name, version: hex.version }),
          file: context.relativePath,
          line,
        };
        if (direct) record.direct = direct.has(app);
        const chain = record.direct === false ? chains?.get(app) : undefined;
        if (chain && chain.length > 0) record.parents = chain;
        records.push(record);
      }
      return records;
    });
  },
};
