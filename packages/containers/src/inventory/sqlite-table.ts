// Reads the rows of one table from an SQLite database file in memory, read-only: the file header,
// sqlite_schema on page 1, then the table's b-tree (interior and leaf table pages, overflow chains) and
// each row's record. Written here because sql.js, the well-kept choice, breaks inside an ESM ncc bundle
// (webpack folds its `typeof module` test after the library sets `module = undefined`). Every page
// number, offset and length is checked; a bad file is an SqliteFormatError naming it.

export class SqliteFormatError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = "SqliteFormatError";
  }
}

export type SqliteValue = null | number | bigint | string | Uint8Array;
export interface SqliteRow {
  rowid: bigint;
  values: SqliteValue[];
}

const MAGIC = "SQLite format 3\0";
const LEAF_TABLE = 0x0d;
const INTERIOR_TABLE = 0x05;

export class SqliteFile {
  private readonly pageSize: number;
  private readonly usable: number;
  private readonly pageCount: number;

  constructor(
    private readonly data: Buffer,
    private readonly file: string,
  ) {
    if (data.length < 100 || data.toString("latin1", 0, 16) !== MAGIC)
      throw new SqliteFormatError(file, "not an SQLite database (bad magic)");
    const raw = data.readUInt16BE(16);
    this.pageSize = raw === 1 ? 65536 : raw;
    if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0)
      throw new SqliteFormatError(file, `bad page size ${raw}`);
    this.usable = this.pageSize - data.readUInt8(20);
    if (this.usable < 480) throw new SqliteFormatError(file, `bad reserved space ${data.readUInt8(20)}`);
    this.pageCount = Math.floor(data.length / this.pageSize);
    if (this.pageCount < 1) throw new SqliteFormatError(file, "truncated: no complete first page");
  }

  private fail(reason: string): never {
    throw new SqliteFormatError(this.file, reason);
  }

  private page(number: number): Buffer {
    if (!Number.isInteger(number) || number < 1 || number > this.pageCount)
      this.fail(`page ${number} is outside the file's ${this.pageCount} pages`);
    return this.data.subarray((number - 1) * this.pageSize, number * this.pageSize);
  }

  /** A varint at `at` of `buf`: value and length (1-9 bytes, big-endian 7-bit groups, 9th byte whole). */
  private varint(buf: Buffer, at: number): [bigint, number] {
    let value = 0n;
    for (let i = 0; i < 9; i++) {
      if (at + i >= buf.length) this.fail("varint runs past the end of its page");
      const byte = buf[at + i]!;
      if (i === 8) return [(value << 8n) | BigInt(byte), 9];
      value = (value << 7n) | BigInt(byte & 0x7f);
      if (byte < 0x80) return [value, i + 1];
    }
    return this.fail("unreachable varint");
  }

  /** Every row of the table whose b-tree starts at `root`, in rowid order. */
  rows(root: number): SqliteRow[] {
    const rows: SqliteRow[] = [];
    const visited = new Set<number>();
    const walk = (number: number): void => {
      if (visited.has(number)) this.fail(`page ${number} is reached twice (a loop in the b-tree)`);
      visited.add(number);
      const page = this.page(number);
      const start = number === 1 ? 100 : 0;
      if (start + 12 > page.length) this.fail(`page ${number} is too short for a b-tree header`);
      const type = page[start]!;
      if (type !== LEAF_TABLE && type !== INTERIOR_TABLE)
        this.fail(`page ${number} is not a table b-tree page (type ${type})`);
      const cells = page.readUInt16BE(start + 3);
      const pointers = start + (type === LEAF_TABLE ? 8 : 12);
      if (pointers + cells * 2 > this.usable) this.fail(`page ${number}: ${cells} cells do not fit`);
      for (let i = 0; i < cells; i++) {
        const cell = page.readUInt16BE(pointers + i * 2);
        if (cell < pointers + cells * 2 || cell >= this.usable)
          this.fail(`page ${number}: cell ${i} offset ${cell} is out of bounds`);
        if (type === INTERIOR_TABLE) {
          if (cell + 4 > this.usable) this.fail(`page ${number}: cell ${i} is truncated`);
          walk(page.readUInt32BE(cell));
        } else {
          rows.push(this.leafCell(page, number, cell));
        }
      }
      if (type === INTERIOR_TABLE) walk(page.readUInt32BE(start + 8));
    };
    walk(root);
    return rows;
  }

  private leafCell(page: Buffer, number: number, cell: number): SqliteRow {
    const [payloadSize, a] = this.varint(page, cell);
    const [rowid, b] = this.varint(page, cell + a);
    const size = Number(payloadSize);
    if (size > this.data.length)
      this.fail(`page ${number}: payload of ${size} bytes is larger than the file`);
    const U = this.usable;
    const X = U - 35;
    const at = cell + a + b;
    let local = size;
    if (size > X) {
      const M = Math.floor(((U - 12) * 32) / 255) - 23;
      const K = M + ((size - M) % (U - 4));
      local = K <= X ? K : M;
    }
    if (at + local > U) this.fail(`page ${number}: cell payload runs past the page`);
    const parts = [page.subarray(at, at + local)];
    let remaining = size - local;
    if (remaining > 0) {
      if (at + local + 4 > U) this.fail(`page ${number}: overflow pointer runs past the page`);
      let next = page.readUInt32BE(at + local);
      const seen = new Set<number>();
      while (remaining > 0) {
        if (seen.has(next)) this.fail(`overflow page ${next} is reached twice`);
        seen.add(next);
        const overflow = this.page(next);
        const take = Math.min(remaining, U - 4);
        parts.push(overflow.subarray(4, 4 + take));
        remaining -= take;
        next = overflow.readUInt32BE(0);
      }
    }
    return { rowid, values: this.record(Buffer.concat(parts), number) };
  }

  private record(payload: Buffer, number: number): SqliteValue[] {
    const [headerSize, first] = this.varint(payload, 0);
    const end = Number(headerSize);
    if (end > payload.length) this.fail(`page ${number}: record header longer than its payload`);
    const values: SqliteValue[] = [];
    let at = end;
    for (let h = first; h < end;) {
      const [serial, n] = this.varint(payload, h);
      h += n;
      const type = Number(serial);
      const width = type >= 12 ? Math.floor((type - 12) / 2) : [0, 1, 2, 3, 4, 6, 8, 8, 0, 0][type];
      if (width === undefined) this.fail(`page ${number}: reserved serial type ${type}`);
      if (at + width > payload.length) this.fail(`page ${number}: record value runs past its payload`);
      const bytes = payload.subarray(at, at + width);
      at += width;
      if (type === 0) values.push(null);
      else if (type === 8 || type === 9) values.push(type - 8);
      else if (type === 7) values.push(bytes.readDoubleBE(0));
      else if (type === 6) values.push(bytes.readBigInt64BE(0));
      else if (type <= 5) values.push(bytes.readIntBE(0, width));
      else if (type % 2 === 0) values.push(Uint8Array.from(bytes));
      else values.push(bytes.toString("utf8"));
    }
    return values;
  }

  /** Root page of a table named in sqlite_schema, undefined when there is none. */
  tableRoot(name: string): number | undefined {
    for (const row of this.rows(1)) {
      const [type, tableName, , rootpage] = row.values;
      if (type === "table" && tableName === name && typeof rootpage === "number") return rootpage;
    }
    return undefined;
  }
}
