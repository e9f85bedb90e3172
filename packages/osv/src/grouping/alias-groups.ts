// Records that describe the same vulnerability (linked by id, aliases or upstream, transitively)
// become one group, named by the most useful identifier.
import type { OsvRecord } from "../records/osv-record.js";

export interface RecordGroup {
  /** The group's name: see preferredId. */
  id: string;
  /** Every other identifier in the group (record ids, aliases, upstream ids), sorted. */
  aliases: string[];
  records: OsvRecord[];
  /** Earliest `published` of the group's records (falls back to `modified` where a record has none). */
  published?: string;
  /** Latest `modified`. */
  modified: string;
}

/** Sort key class: CVE ids name groups first (they are what people search for), then GHSA, then the rest. */
function idClass(id: string): number {
  if (/^CVE-\d{4}-\d+$/i.test(id)) return 0;
  if (/^GHSA-/i.test(id)) return 1;
  return 2;
}

/** Orders ids by usefulness: CVE, then GHSA, then others; CVEs by year and number, others by text. */
export function compareIdUsefulness(a: string, b: string): number {
  const ca = idClass(a);
  const cb = idClass(b);
  if (ca !== cb) return ca - cb;
  if (ca === 0) {
    const [, ya, na] = a.split("-");
    const [, yb, nb] = b.split("-");
    return Number(ya) - Number(yb) || Number(na) - Number(nb) || a.localeCompare(b);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function preferredId(ids: Iterable<string>): string {
  const sorted = [...ids].sort(compareIdUsefulness);
  if (sorted.length === 0) throw new Error("preferredId: no ids");
  return sorted[0]!;
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let root = this.parent.get(x);
    if (root === undefined) {
      this.parent.set(x, x);
      return x;
    }
    while (root !== this.parent.get(root)) root = this.parent.get(root)!;
    // Path compression.
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Groups records by shared identifiers; a record appearing twice (same id) is kept once (latest modified). */
export function groupRecords(records: Iterable<OsvRecord>): RecordGroup[] {
  const byId = new Map<string, OsvRecord>();
  for (const r of records) {
    const prev = byId.get(r.id);
    if (!prev || r.modified > prev.modified) byId.set(r.id, r);
  }
  const uf = new UnionFind();
  for (const r of byId.values()) {
    uf.find(r.id);
    for (const other of [...(r.aliases ?? []), ...(r.upstream ?? [])]) uf.union(r.id, other);
  }
  const groups = new Map<string, { ids: Set<string>; records: OsvRecord[] }>();
  for (const r of byId.values()) {
    const root = uf.find(r.id);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { ids: new Set(), records: [] }));
    g.records.push(r);
    g.ids.add(r.id);
    for (const other of [...(r.aliases ?? []), ...(r.upstream ?? [])]) g.ids.add(other);
  }
  const out: RecordGroup[] = [];
  for (const g of groups.values()) {
    const id = preferredId(g.ids);
    const published = g.records
      .map((r) => r.published ?? r.modified)
      .sort()
      .at(0);
    const modified = g.records
      .map((r) => r.modified)
      .sort()
      .at(-1)!;
    g.records.sort((a, b) => compareIdUsefulness(a.id, b.id));
    out.push({
      id,
      aliases: [...g.ids].filter((x) => x !== id).sort(compareIdUsefulness),
      records: g.records,
      ...(published !== undefined ? { published } : {}),
      modified,
    });
  }
  return out.sort((a, b) => compareIdUsefulness(a.id, b.id));
}
