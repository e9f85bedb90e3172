// The read-only SQLite table reader against databases written by SQLite itself (sql.js): many rows
// (interior pages), payloads spilling into overflow chains, every serial type; and corrupted files.
import fc from "fast-check";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { SqliteFile, SqliteFormatError } from "./sqlite-table.js";

const FILE = "/db.sqlite";

async function database(pageSize: number): Promise<{ bytes: Buffer; expected: unknown[][] }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`PRAGMA page_size=${pageSize}`);
  db.run("CREATE TABLE other (x TEXT)");
  db.run("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, b BLOB, s TEXT, n INTEGER, f REAL, z)");
  const expected: unknown[][] = [];
  for (let i = 1; i <= 150; i++) {
    const blob = Uint8Array.from({ length: (i * 97) % 9000 }, (_, k) => (k * 31 + i) & 0xff);
    const text = `row ${i} ${"é".repeat(i % 50)}`;
    const n = [0, 1, -1, 127, -129, 40000, -8_000_000, 2 ** 31, 2 ** 40, -(2 ** 47)][i % 10]!;
    db.run("INSERT INTO t (b, s, n, f, z) VALUES (?, ?, ?, ?, NULL)", [blob, text, n, i / 4]);
    expected.push([BigInt(i), blob, text, n, i % 4 === 0 ? i / 4 : i / 4]);
  }
  const bytes = Buffer.from(db.export());
  db.close();
  return { bytes, expected };
}

describe("SqliteFile", () => {
  it.each([512, 4096, 65536])(
    "reads every row of a table, overflow pages included (page size %i)",
    async (size) => {
      const { bytes, expected } = await database(size);
      const db = new SqliteFile(bytes, FILE);
      const root = db.tableRoot("t");
      expect(root).toBeGreaterThan(1);
      expect(db.tableRoot("missing")).toBeUndefined();
      const rows = db
        .rows(root!)
        .map((r) => [r.rowid, r.values[1], r.values[2], Number(r.values[3]), r.values[4]]);
      expect(rows).toEqual(expected.map((e) => [e[0], e[1], e[2], e[3], e[4]]));
      expect(db.rows(root!).every((r) => r.values[0] === null && r.values[5] === null)).toBe(true);
    },
  );

  it("corrupted databases fail with SqliteFormatError naming the file, never hang or throw anything else", async () => {
    const { bytes } = await database(512);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.nat({ max: bytes.length }),
        (edits, cut) => {
          const copy = Buffer.from(bytes.subarray(0, Math.max(cut, 100)));
          for (const [at, value] of edits) if (at < copy.length) copy[at] = value;
          try {
            const db = new SqliteFile(copy, FILE);
            const root = db.tableRoot("t");
            if (root !== undefined) db.rows(root);
          } catch (error) {
            expect(error).toBeInstanceOf(SqliteFormatError);
            expect((error as Error).message.startsWith(`${FILE}: `)).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
