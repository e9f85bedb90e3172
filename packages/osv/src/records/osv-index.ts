// An in-memory index of OSV records by ecosystem and normalised package name. It keeps slim copies
// (what matching and grouping read); full records are re-read from their zip on demand.
// With a key file (see openZip), the first run reads the whole export once and writes which zip entries
// name which package; later runs read only the entries of the packages a scan asks about.
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { OsvAffected, OsvRecord, PackageQuery } from "./osv-record.js";
import { splitEcosystem } from "./ecosystem.js";
import { normalizeName, prepareAffected, prepareRange } from "./prepared.js";
import { normalizeRepoUrl } from "./repo-url.js";
import { affectedEntryApplies } from "../matching/is-affected.js";
import { readZipRecords, type ZipReadProblem } from "./read-zip.js";

/** The fields kept in the index: identity, dates, links and what range evaluation reads. */
export function slimRecord(record: OsvRecord): OsvRecord {
  const slim: OsvRecord = { id: record.id, modified: record.modified };
  if (record.published !== undefined) slim.published = record.published;
  if (record.withdrawn !== undefined) slim.withdrawn = record.withdrawn;
  if (record.aliases?.length) slim.aliases = record.aliases;
  if (record.upstream?.length) slim.upstream = record.upstream;
  if (record.summary !== undefined) slim.summary = record.summary;
  if (record.affected) {
    slim.affected = record.affected.map((a) => {
      const out: OsvAffected = {};
      if (a.package) out.package = { ecosystem: a.package.ecosystem, name: a.package.name };
      if (a.ranges)
        out.ranges = a.ranges.map((r) =>
          r.repo ? { type: r.type, repo: r.repo, events: r.events } : { type: r.type, events: r.events },
        );
      if (a.versions?.length) out.versions = a.versions;
      return out;
    });
  }
  return slim;
}

/** What a key file holds: the zip it describes, its entries per index key, the entries that failed. */
interface KeyFile {
  version: 1;
  zip: { size: number; mtimeMs: number };
  /** "<ecosystem base>\0<normalised name>" (or "git\0<repo>") -> entry names. */
  keys: Record<string, string[]>;
  problems: ZipReadProblem[];
}

const KEY_FILE_VERSION = 1;

function indexKeys(record: OsvRecord): Array<[string, string]> {
  const keys: Array<[string, string]> = [];
  for (const entry of record.affected ?? []) {
    if (entry.package) {
      keys.push([
        splitEcosystem(entry.package.ecosystem).base.toLowerCase(),
        normalizeName(entry.package.ecosystem, entry.package.name),
      ]);
    } else {
      for (const range of entry.ranges ?? []) {
        if (range.type === "GIT" && range.repo) keys.push(["git", normalizeRepoUrl(range.repo)]);
      }
    }
  }
  return keys;
}

export class OsvIndex {
  private readonly byEcosystem = new Map<string, Map<string, OsvRecord[]>>();
  /** Where each indexed record's full text lives. */
  private readonly origin = new Map<string, string>();
  readonly problems: ZipReadProblem[] = [];
  private count = 0;
  /** Query ecosystem -> lowercased base, so a scan's few ecosystem strings are split once. */
  private readonly baseOf = new Map<string, string>();

  get size(): number {
    return this.count;
  }

  /** On-demand mode: the zip and which of its entries name each key; undefined when fully loaded. */
  private lazy?: { zip: string; entries: Map<string, string[]>; loaded: Set<string> };

  /** Adds a record (withdrawn records are left out: they never match). */
  add(record: OsvRecord, origin?: string): void {
    if (record.withdrawn) return;
    const slim = slimRecord(record);
    // Sort every range's events and build `versions` sets now, once, rather than on a query's clock.
    for (const entry of slim.affected ?? []) {
      prepareAffected(entry);
      for (const range of entry.ranges ?? []) prepareRange(range, entry.package?.ecosystem ?? "GIT");
    }
    const seen = new Set<string>();
    for (const [eco, name] of indexKeys(record)) {
      const key = `${eco}\0${name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let names = this.byEcosystem.get(eco);
      if (!names) this.byEcosystem.set(eco, (names = new Map()));
      const list = names.get(name);
      if (list) list.push(slim);
      else names.set(name, [slim]);
    }
    if (origin) this.origin.set(record.id, origin);
    this.count++;
  }

  /** The key a query is looked up under. */
  private keyOf(query: PackageQuery): [string, string] {
    if (query.ecosystem === "GIT") return ["git", normalizeRepoUrl(query.name)];
    let eco = this.baseOf.get(query.ecosystem);
    if (eco === undefined) {
      eco = splitEcosystem(query.ecosystem).base.toLowerCase();
      this.baseOf.set(query.ecosystem, eco);
    }
    return [eco, normalizeName(query.ecosystem, query.name)];
  }

  /**
   * Makes `candidates` complete for these packages. Needed only for an index opened from a key file,
   * which reads the records of the packages asked about, once each; a fully loaded index returns at once.
   */
  async prepare(queries: readonly PackageQuery[]): Promise<void> {
    const lazy = this.lazy;
    if (!lazy) return;
    const wanted = new Set<string>();
    for (const q of queries) {
      const [eco, name] = this.keyOf(q);
      for (const entry of lazy.entries.get(`${eco}\0${name}`) ?? []) {
        if (!lazy.loaded.has(entry)) wanted.add(entry);
      }
    }
    if (wanted.size === 0) return;
    for (const entry of wanted) lazy.loaded.add(entry);
    await readZipRecords(lazy.zip, (record) => this.add(record, lazy.zip), {
      wanted: (name) => wanted.has(name),
      onProblem: (p) => this.problems.push(p),
    });
  }

  /** Records with an affected entry naming the package (any version); range evaluation is up to the caller. */
  candidates(query: PackageQuery): OsvRecord[] {
    const [eco, name] = this.keyOf(query);
    const list = this.byEcosystem.get(eco)?.get(name);
    if (!list) return [];
    const out: OsvRecord[] = [];
    for (const r of list) {
      if (
        r.affected?.some((a) => affectedEntryApplies(a, query, query.ecosystem === "GIT" ? query.name : name))
      )
        out.push(r);
    }
    return out;
  }

  /** Full records for ids in this index, re-read from their zips. */
  async fullRecords(ids: Iterable<string>): Promise<Map<string, OsvRecord>> {
    const byZip = new Map<string, Set<string>>();
    for (const id of ids) {
      const zip = this.origin.get(id);
      if (!zip) continue;
      let set = byZip.get(zip);
      if (!set) byZip.set(zip, (set = new Set()));
      set.add(id);
    }
    const out = new Map<string, OsvRecord>();
    for (const [zip, wanted] of byZip) {
      await readZipRecords(
        zip,
        (record) => {
          if (wanted.has(record.id)) out.set(record.id, record);
        },
        { wanted: (name) => wanted.has(name.replace(/^.*\//, "").replace(/\.json$/, "")) },
      );
      // Entry names are expected to be <ID>.json; fall back to a full pass for any that were not.
      const missing = [...wanted].filter((id) => !out.has(id));
      if (missing.length > 0) {
        const rest = new Set(missing);
        await readZipRecords(zip, (record) => {
          if (rest.has(record.id)) out.set(record.id, record);
        });
      }
    }
    return out;
  }

  /** Indexes every record of an export zip; unreadable entries are collected in `problems`. */
  async loadZip(path: string): Promise<void> {
    await readZipRecords(path, (record) => this.add(record, path), {
      onProblem: (p) => this.problems.push(p),
    });
  }

  static async fromZip(path: string): Promise<OsvIndex> {
    const index = new OsvIndex();
    await index.loadZip(path);
    return index;
  }

  /**
   * An index of an export zip that reads records on demand (call `prepare` before `candidates`), using
   * `keyFile` to know which entries name which package. When the key file is missing, unreadable or was
   * written for another copy of the zip (size or mtime differ), the zip is read whole and the key file
   * rewritten. Entries that failed to read are kept in the key file, so every run reports them.
   */
  static async openZip(path: string, keyFile: string): Promise<OsvIndex> {
    const info = await stat(path);
    const zip = { size: info.size, mtimeMs: info.mtimeMs };
    const saved = await readKeyFile(keyFile);
    if (saved && saved.zip.size === zip.size && saved.zip.mtimeMs === zip.mtimeMs) {
      const index = new OsvIndex();
      index.lazy = { zip: path, entries: new Map(Object.entries(saved.keys)), loaded: new Set() };
      index.problems.push(...saved.problems);
      return index;
    }
    const index = new OsvIndex();
    const keys = new Map<string, string[]>();
    await readZipRecords(
      path,
      (record, entryName) => {
        index.add(record, path);
        if (record.withdrawn) return;
        for (const [eco, name] of indexKeys(record)) {
          const key = `${eco}\0${name}`;
          const list = keys.get(key);
          if (!list) keys.set(key, [entryName]);
          else if (list[list.length - 1] !== entryName) list.push(entryName);
        }
      },
      { onProblem: (p) => index.problems.push(p) },
    );
    const file: KeyFile = {
      version: KEY_FILE_VERSION,
      zip,
      keys: Object.fromEntries(keys),
      problems: [...index.problems],
    };
    await writeKeyFile(keyFile, file);
    return index;
  }
}

async function readKeyFile(path: string): Promise<KeyFile | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8")) as KeyFile;
    return parsed.version === KEY_FILE_VERSION && typeof parsed.keys === "object" && parsed.zip
      ? parsed
      : undefined;
  } catch {
    // Missing or damaged: the zip is read whole and the file rewritten.
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs the next run a full read. */
async function writeKeyFile(path: string, file: KeyFile): Promise<void> {
  const tmp = `${path}.${process.pid}.part`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, JSON.stringify(file));
    await rename(tmp, path);
  } catch {
    await rm(tmp, { force: true }).catch(() => {});
  }
}
