// Reads OSV records from the shared per-ecosystem exports (../shared/osv-db/<Ecosystem>/all.zip) for
// tests and benchmarks.
import { fileURLToPath } from "node:url";
import yauzl from "yauzl";

export const OSV_DB = fileURLToPath(new URL("../../../../../../shared/osv-db/", import.meta.url));

export interface RecordEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface RecordShape {
  id: string;
  published?: string;
  affected?: {
    package?: { ecosystem: string; name: string };
    ranges?: { type: string; events: RecordEvent[] }[];
    versions?: string[];
  }[];
}

/** All records of one ecosystem's export. */
export function readExport(ecosystem: string): Promise<RecordShape[]> {
  const path = `${OSV_DB}${ecosystem}/all.zip`;
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(new Error(`${path}: ${err?.message ?? "cannot open"}`));
      const records: RecordShape[] = [];
      zip.on("entry", (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith(".json")) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`${path}: ${entry.fileName}: no stream`));
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", reject);
          stream.on("end", () => {
            records.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as RecordShape);
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(records));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/** The single key of an OSV event and its version. */
export function eventEntry(e: RecordEvent): [keyof RecordEvent, string] | undefined {
  for (const k of ["introduced", "fixed", "last_affected", "limit"] as const) {
    const v = e[k];
    if (v !== undefined) return [k, v];
  }
  return undefined;
}
