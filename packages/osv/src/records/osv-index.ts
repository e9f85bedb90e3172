// An in-memory index of OSV records by ecosystem and normalised package name. It keeps slim copies
// (what matching and grouping read); full records are re-read from their zip on demand.
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

  /** Records with an affected entry naming the package (any version); range evaluation is up to the caller. */
  candidates(query: PackageQuery): OsvRecord[] {
    if (query.ecosystem === "GIT") {
      const list = this.byEcosystem.get("git")?.get(normalizeRepoUrl(query.name));
      return list
        ? list.filter((r) => r.affected?.some((a) => affectedEntryApplies(a, query, query.name)))
        : [];
    }
    let eco = this.baseOf.get(query.ecosystem);
    if (eco === undefined) {
      eco = splitEcosystem(query.ecosystem).base.toLowerCase();
      this.baseOf.set(query.ecosystem, eco);
    }
    const name = normalizeName(query.ecosystem, query.name);
    const list = this.byEcosystem.get(eco)?.get(name);
    if (!list) return [];
    const out: OsvRecord[] = [];
    for (const r of list) {
      if (r.affected?.some((a) => affectedEntryApplies(a, query, name))) out.push(r);
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
}
