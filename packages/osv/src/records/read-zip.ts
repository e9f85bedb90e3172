// Reads OSV records out of an export zip (a flat zip of <ID>.json) one entry at a time, so memory
// stays bounded by the largest record rather than the archive.
import type { OsvRecord } from "./osv-record.js";
import { parseOsvRecord } from "./parse-record.js";
import { ZipDirectory } from "./zip-directory.js";

export interface ZipReadProblem {
  path: string;
  message: string;
}

/**
 * Calls `onRecord` for each `.json` entry whose name passes `wanted` (all by default). Entries that fail
 * to read or parse are reported to `onProblem` and skipped; an archive that cannot be opened rejects.
 */
export async function readZipRecords(
  path: string,
  onRecord: (record: OsvRecord, entryName: string) => void,
  options: { wanted?: (entryName: string) => boolean; onProblem?: (p: ZipReadProblem) => void } = {},
): Promise<void> {
  const zip = await ZipDirectory.open(path);
  try {
    await zip.forEach(
      ({ name }) =>
        !name.endsWith("/") && name.endsWith(".json") && (!options.wanted || options.wanted(name)),
      (entry, data) => {
        const where = `${path}!${entry.name}`;
        try {
          if (data instanceof Error) throw data;
          onRecord(parseOsvRecord(data.toString("utf8"), where), entry.name);
        } catch (err) {
          options.onProblem?.({ path: where, message: (err as Error).message });
        }
      },
    );
  } finally {
    await zip.close();
  }
}
