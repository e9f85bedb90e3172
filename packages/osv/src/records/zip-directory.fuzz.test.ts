// Hostile and damaged export zips: random byte damage to a real export, decompression bombs (lying
// sizes, huge ratios), entries named to escape a directory, symlink entries, absurd zip64 sizes. The
// reader never writes entries to disk; every outcome is a record, a problem naming zip!entry, or a
// rejection naming the zip. Never a raw exception, a hang, or an unbounded allocation.
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { OsvRecord } from "./osv-record.js";
import { readZipRecords, type ZipReadProblem } from "./read-zip.js";
import { MAX_ENTRY_BYTES, ZipDirectory } from "./zip-directory.js";
import { exportZip } from "../test-support/shared-data.js";

interface BuildEntry {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** What the directory claims, when it lies. */
  declaredSize?: number;
  /** Unix mode in the external attributes (e.g. 0o120777 for a symlink). */
  mode?: number;
}

/** A plain zip (local headers, central directory, end record), as the export bucket serves. */
function buildZip(entries: BuildEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const record = (id: string): Buffer =>
  Buffer.from(JSON.stringify({ id, modified: "2024-01-01T00:00:00Z", affected: [] }));

interface Outcome {
  records: OsvRecord[];
  problems: ZipReadProblem[];
  rejected?: Error;
}

async function readAll(path: string): Promise<Outcome> {
  const out: Outcome = { records: [], problems: [] };
  try {
    await readZipRecords(path, (r) => out.records.push(r), { onProblem: (p) => out.problems.push(p) });
  } catch (error) {
    out.rejected = error as Error;
  }
  return out;
}

const RAW = /^(TypeError|RangeError)|Cannot read propert|is not a function|out of range|Invalid array length/;

function expectClean(out: Outcome, path: string): void {
  if (out.rejected) {
    expect(out.rejected).toBeInstanceOf(Error);
    expect(out.rejected.message).toContain(path);
    expect(out.rejected.message).not.toMatch(RAW);
  }
  for (const p of out.problems) {
    expect(p.path.startsWith(`${path}!`)).toBe(true);
    expect(p.message).not.toMatch(RAW);
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "osv-hostile-zip-"));
});

async function zipFile(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe("damaged export zips", () => {
  it("random byte damage to a real export (first records of Debian's) never escapes as a raw error", async () => {
    // A small real zip: the first 20 Debian records, re-zipped as the bucket does.
    const zip = await ZipDirectory.open(exportZip("Debian"));
    const picked: BuildEntry[] = [];
    for (const entry of zip.entries.slice(0, 20))
      picked.push({ name: entry.name, data: await zip.read(entry) });
    await zip.close();
    const seed = buildZip(picked);
    const clean = await readAll(await zipFile("clean.zip", seed));
    expect(clean.records.length).toBe(20);

    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.nat({ max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat({ max: seed.length }), { nil: undefined }),
        async (flips, cut) => {
          const bytes = Buffer.from(seed);
          for (const [at, value] of flips) bytes[at] = value;
          const path = await zipFile(
            `damaged-${n++}.zip`,
            cut === undefined ? bytes : bytes.subarray(0, cut),
          );
          expectClean(await readAll(path), path);
        },
      ),
      { numRuns: 150, seed: 10_4001 },
    );
  });

  it("damage aimed at the directory's size and offset fields", async () => {
    const seed = buildZip([
      { name: "A-1.json", data: record("A-1") },
      { name: "A-2.json", data: record("A-2") },
    ]);
    const cdStart = seed.readUInt32LE(seed.length - 22 + 16);
    // compressed size, uncompressed size, local header offset of the first central entry; EOCD fields.
    const fields = [
      cdStart + 20,
      cdStart + 24,
      cdStart + 42,
      seed.length - 22 + 10,
      seed.length - 22 + 12,
      seed.length - 22 + 16,
    ];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.constantFrom(0, 1, 0x7fffffff, 0xfffffffe, 0xffffffff, seed.length, seed.length + 1),
        async (at, value) => {
          const bytes = Buffer.from(seed);
          bytes.writeUInt32LE(value >>> 0, at);
          const path = await zipFile(`fields-${n++}.zip`, bytes);
          expectClean(await readAll(path), path);
        },
      ),
      { numRuns: 60, seed: 10_4002 },
    );
  });
});

describe("decompression bombs", () => {
  it("an entry that inflates past what the directory says is refused without inflating it all", async () => {
    // 256 MiB of zeros deflates to ~250 KB; the directory claims 100 bytes.
    const bomb = Buffer.alloc(256 * 2 ** 20);
    const path = await zipFile(
      "lying.zip",
      buildZip([
        { name: "BOMB-1.json", data: bomb, declaredSize: 100 },
        { name: "OK-1.json", data: record("OK-1") },
      ]),
    );
    const before = process.memoryUsage().rss;
    const out = await readAll(path);
    expectClean(out, path);
    expect(out.records.map((r) => r.id)).toEqual(["OK-1"]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]!.path).toBe(`${path}!BOMB-1.json`);
    expect(out.problems[0]!.message).toMatch(/inflates past the 100 bytes/);
    // The 256 MiB were never materialised (the building buffer above is the only copy).
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * 2 ** 20);
  });

  it("an entry claiming more than the size cap, or a bomb-like ratio, is refused before inflating", async () => {
    const path = await zipFile(
      "caps.zip",
      buildZip([
        { name: "HUGE-1.json", data: record("HUGE-1"), declaredSize: MAX_ENTRY_BYTES + 1 },
        { name: "RATIO-1.json", data: Buffer.alloc(8 * 2 ** 20) },
        { name: "OK-1.json", data: record("OK-1") },
      ]),
    );
    const out = await readAll(path);
    expectClean(out, path);
    expect(out.records.map((r) => r.id)).toEqual(["OK-1"]);
    expect(out.problems.map((p) => [p.path.slice(path.length), p.message])).toEqual([
      ["!HUGE-1.json", expect.stringMatching(/entry of \d+ bytes exceeds the \d+-byte cap/)],
      ["!RATIO-1.json", expect.stringMatching(/entry expands \d+:1, past the 1000:1 cap/)],
    ]);
  });
});

describe("entry names and kinds that would escape a directory", () => {
  it("../, absolute and symlink entries are read as data (or refused), never written anywhere", async () => {
    const path = await zipFile(
      "escape.zip",
      buildZip([
        { name: "../../escaped/E-1.json", data: record("E-1") },
        { name: "/tmp/absolute/E-2.json", data: record("E-2") },
        { name: "C:\\windows\\E-3.json", data: record("E-3") },
        { name: "link.json", data: Buffer.from("/etc/passwd"), mode: 0o120777 },
      ]),
    );
    const before = await readdir(dir);
    const out = await readAll(path);
    expectClean(out, path);
    expect(out.records.map((r) => r.id).sort()).toEqual(["E-1", "E-2", "E-3"]);
    // The symlink's "content" is its target path: not a record, a problem naming the entry.
    expect(out.problems.map((p) => p.path.slice(path.length))).toEqual(["!link.json"]);
    expect(await readdir(dir)).toEqual(before);
  });
});
