// The sqlite rpm database (rpm >= 4.16: Fedora 33+, RHEL/Rocky/Alma 9, Amazon Linux 2023): the
// `Packages` table holds one rpm header blob per installed package (read with sqlite-table.ts).
import { parseRpmHeader, rpmPackageFromHeader, type RpmPackage } from "./rpm-header.js";
import { SqliteFile, SqliteFormatError } from "./sqlite-table.js";

export class RpmDatabaseError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = "RpmDatabaseError";
  }
}

export interface RpmDatabaseResult {
  packages: RpmPackage[];
  /** Headers that could not be read (named by file and hnum); the other packages are still listed. */
  errors: string[];
}

/** Installed packages of an rpmdb.sqlite, gpg-pubkey pseudo-packages (imported signing keys) left out. */
export function readRpmSqlite(content: Buffer, file: string): RpmDatabaseResult {
  let rows;
  try {
    const db = new SqliteFile(content, file);
    const root = db.tableRoot("Packages");
    if (root === undefined) throw new RpmDatabaseError(file, "no Packages table");
    rows = db.rows(root);
  } catch (error) {
    if (error instanceof SqliteFormatError)
      throw new RpmDatabaseError(file, error.message.slice(file.length + 2));
    throw error;
  }
  const packages: RpmPackage[] = [];
  const errors: string[] = [];
  for (const row of rows) {
    const what = `package header ${row.rowid}`;
    const blob = row.values[1];
    if (!(blob instanceof Uint8Array)) {
      errors.push(`${file}: ${what}: blob is not binary`);
      continue;
    }
    try {
      const p = rpmPackageFromHeader(parseRpmHeader(blob, file, what), file, what);
      if (p.name !== "gpg-pubkey") packages.push(p);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return { packages, errors };
}
