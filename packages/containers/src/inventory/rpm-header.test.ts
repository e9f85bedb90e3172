// The rpm header parser on a real header (from an rpmdb.sqlite made by Debian's rpm) and on garbage:
// it returns the right fields or throws RpmHeaderError naming the file, never anything else.
import fc from "fast-check";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRpms, install, rpmRoot } from "../test-support/rpm-database.js";
import { parseRpmHeader, parseSourceRpm, rpmPackageFromHeader, RpmHeaderError } from "./rpm-header.js";
import initSqlJs from "sql.js";
import { readRpmSqlite } from "./rpmdb-sqlite.js";

const FILE = "/var/lib/rpm/rpmdb.sqlite";
let work: string;
let database: Buffer;
let blob: Uint8Array;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bulwark-rpm-header-"));
  const rpms = await buildRpms(work, [{ name: "curl", version: "7.76.1", release: "29.el9_4", epoch: 3 }]);
  database = install(await rpmRoot(work), rpms);
  const SQL = await initSqlJs();
  const db = new SQL.Database(database);
  blob = db.exec("SELECT blob FROM Packages")[0]!.values[0]![0] as Uint8Array;
  db.close();
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Parses a header into a package, or fails only with RpmHeaderError naming the file. */
function parseOrNamedError(bytes: Uint8Array): void {
  try {
    rpmPackageFromHeader(parseRpmHeader(bytes, FILE, "h"), FILE, "h");
  } catch (error) {
    expect(error).toBeInstanceOf(RpmHeaderError);
    expect((error as Error).message.startsWith(`${FILE}: h: `)).toBe(true);
  }
}

describe("parseRpmHeader", () => {
  it("reads name, epoch:version-release, arch and source rpm from a real header", () => {
    expect(rpmPackageFromHeader(parseRpmHeader(blob, FILE), FILE, "h")).toEqual({
      name: "curl",
      epoch: 3,
      version: "3:7.76.1-29.el9_4",
      arch: "noarch",
      sourceRpm: "curl-7.76.1-29.el9_4.src.rpm",
      sourceName: "curl",
      sourceVersion: "3:7.76.1-29.el9_4",
    });
  });

  it("every truncation of a real header is a named error", () => {
    for (let length = 0; length < blob.length; length++) {
      expect(() => parseRpmHeader(blob.subarray(0, length), FILE, "h")).toThrow(RpmHeaderError);
    }
  });

  it("random bytes and bit flips in a real header never escape as anything but RpmHeaderError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => parseOrNamedError(bytes)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: blob.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const bytes = Uint8Array.from(blob);
          for (const [at, value] of edits) bytes[at] = value;
          parseOrNamedError(bytes);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("absurd counts are refused before anything is allocated", () => {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(0xffffffff, 0);
    expect(() => parseRpmHeader(header, FILE)).toThrow(/implausible index entry count/);
    header.writeUInt32BE(1, 0);
    header.writeUInt32BE(0xffffffff, 4);
    expect(() => parseRpmHeader(header, FILE)).toThrow(/implausible data store length/);
  });
});

describe("readRpmSqlite", () => {
  it("a file that is not SQLite, or SQLite without a Packages table, is an error naming the file", async () => {
    expect(() => readRpmSqlite(Buffer.from("not a database"), FILE)).toThrow(
      `${FILE}: not an SQLite database`,
    );
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.run("CREATE TABLE other (x)");
    const empty = Buffer.from(db.export());
    db.close();
    expect(() => readRpmSqlite(empty, FILE)).toThrow(`${FILE}: no Packages table`);
  });

  it("a bad header is reported by hnum and the other packages are still listed", async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database(database);
    db.run("INSERT INTO Packages (blob) VALUES (?)", [new Uint8Array([0, 0, 0, 9, 0, 0, 0, 1])]);
    const edited = Buffer.from(db.export());
    db.close();
    const result = readRpmSqlite(edited, FILE);
    expect(result.packages.map((p) => p.name)).toEqual(["curl"]);
    expect(result.errors).toEqual([
      expect.stringMatching(/^\/var\/lib\/rpm\/rpmdb\.sqlite: package header 2: truncated/),
    ]);
  });
});

describe("parseSourceRpm", () => {
  it("splits name and version-release, names with dashes included", () => {
    expect(parseSourceRpm("python-urllib3-1.26.5-5.el9.src.rpm")).toEqual({
      name: "python-urllib3",
      version: "1.26.5-5.el9",
    });
    expect(parseSourceRpm("kernel-5.14.0-427.nosrc.rpm")).toEqual({ name: "kernel", version: "5.14.0-427" });
    expect(parseSourceRpm("(none)")).toBeUndefined();
  });
});
