// A minimal reader for the flat, deflate-or-stored zips OSV publishes: the central directory is read
// once, then each entry with two positional reads and a synchronous inflate. yauzl's per-entry
// streams cost ~150 µs an entry, which dominated loading a 20k-record export; this is bounded the
// same way (one entry in memory at a time) and about 5x faster. Zip64 archives are supported.
import { open, type FileHandle } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_U32 = 0xffffffff;
/** No OSV record comes near this (the largest in the real exports is ~200 KB); a bigger entry is hostile. */
export const MAX_ENTRY_BYTES = 64 * 2 ** 20;
/** Real records compress at most ~50:1; past this ratio (for entries over 1 MiB) it is a decompression bomb. */
export const MAX_COMPRESSION_RATIO = 1000;

export class ZipDirectory {
  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    readonly entries: ZipEntry[],
    private readonly size: number,
  ) {}

  static async open(path: string): Promise<ZipDirectory> {
    const file = await open(path, "r").catch((err: Error) => {
      throw new Error(`${path}: cannot open zip: ${err.message}`);
    });
    try {
      const { size } = await file.stat();
      return new ZipDirectory(path, file, await readCentralDirectory(path, file, size), size);
    } catch (err) {
      await file.close();
      throw err;
    }
  }

  /** The uncompressed bytes of one entry. */
  async read(entry: ZipEntry): Promise<Buffer> {
    const where = `${this.path}!${entry.name}`;
    const header = Buffer.alloc(30);
    await readExactly(this.file, header, entry.localHeaderOffset, where);
    if (header.readUInt32LE(0) !== LOCAL_SIG) throw new Error(`${where}: bad local header signature`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + entry.compressedSize > this.size)
      throw new Error(`${where}: entry lies past the end of the file`);
    const data = Buffer.allocUnsafe(entry.compressedSize);
    await readExactly(this.file, data, start, where);
    try {
      return this.inflate(entry, data);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
  }

  /**
   * Calls `fn` with the uncompressed bytes of each entry passing `wanted`, in file order, reading the
   * archive through a window of `windowBytes` (one read per window, not two per entry).
   */
  async forEach(
    wanted: (entry: ZipEntry) => boolean,
    fn: (entry: ZipEntry, data: Buffer | Error) => void,
    windowBytes = 4 * 2 ** 20,
  ): Promise<void> {
    const todo = this.entries.filter(wanted).sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
    let win = Buffer.alloc(0);
    let winStart = 0;
    const view = async (offset: number, length: number): Promise<Buffer> => {
      if (offset < winStart || offset + length > winStart + win.length) {
        const size = Math.min(Math.max(windowBytes, length), this.size - offset);
        if (size < length) throw new Error(`${this.path}: unexpected end of file`);
        win = Buffer.allocUnsafe(size);
        winStart = offset;
        await readExactly(this.file, win, offset, this.path);
      }
      return win.subarray(offset - winStart, offset - winStart + length);
    };
    for (const entry of todo) {
      let data: Buffer | Error;
      try {
        const header = await view(entry.localHeaderOffset, 30);
        if (header.readUInt32LE(0) !== LOCAL_SIG) throw new Error("bad local header signature");
        const skip = 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
        const raw = await view(entry.localHeaderOffset + skip, entry.compressedSize);
        data = this.inflate(entry, raw);
      } catch (err) {
        data = err as Error;
      }
      fn(entry, data);
    }
  }

  private inflate(entry: ZipEntry, raw: Buffer): Buffer {
    if (entry.flags & 1) throw new Error("encrypted entries are not supported");
    const size = entry.uncompressedSize;
    if (Math.max(size, raw.length) > MAX_ENTRY_BYTES) {
      throw new Error(`entry of ${Math.max(size, raw.length)} bytes exceeds the ${MAX_ENTRY_BYTES}-byte cap`);
    }
    if (entry.method === 0) return raw;
    if (entry.method !== 8) throw new Error(`compression method ${entry.method} is not supported`);
    if (size > 2 ** 20 && size > raw.length * MAX_COMPRESSION_RATIO) {
      throw new Error(
        `entry expands ${Math.round(size / raw.length)}:1, past the ${MAX_COMPRESSION_RATIO}:1 cap`,
      );
    }
    // Inflate no further than the directory says: a lying header cannot make it allocate more.
    let out: Buffer;
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
        throw new Error(`inflates past the ${size} bytes the directory says`);
      }
      throw new Error(`cannot inflate: ${(err as Error).message}`);
    }
    if (out.length !== entry.uncompressedSize) {
      throw new Error(`inflated to ${out.length} bytes, directory says ${entry.uncompressedSize}`);
    }
    return out;
  }

  close(): Promise<void> {
    return this.file.close();
  }
}

async function readExactly(file: FileHandle, buf: Buffer, position: number, where: string): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await file.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) throw new Error(`${where}: unexpected end of file`);
    done += bytesRead;
  }
}

async function readCentralDirectory(path: string, file: FileHandle, size: number): Promise<ZipEntry[]> {
  const tailLen = Math.min(size, 22 + 0xffff + 20);
  const tail = Buffer.alloc(tailLen);
  await readExactly(file, tail, size - tailLen, path);
  let eocd = -1;
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${path}: not a zip file (no end of central directory)`);
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR_SIG) {
    const z64 = Buffer.alloc(56);
    await readExactly(file, z64, Number(tail.readBigUInt64LE(eocd - 20 + 8)), path);
    if (z64.readUInt32LE(0) !== ZIP64_EOCD_SIG)
      throw new Error(`${path}: bad zip64 end of central directory`);
    count = Number(z64.readBigUInt64LE(32));
    cdSize = Number(z64.readBigUInt64LE(40));
    cdOffset = Number(z64.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) throw new Error(`${path}: central directory lies past the end of the file`);
  const cd = Buffer.alloc(cdSize);
  await readExactly(file, cd, cdOffset, path);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) {
      throw new Error(`${path}: central directory entry ${i} is damaged`);
    }
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: cd.toString("utf8", p + 46, p + 46 + nameLen),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
    };
    if (
      entry.compressedSize === MAX_U32 ||
      entry.uncompressedSize === MAX_U32 ||
      entry.localHeaderOffset === MAX_U32
    ) {
      applyZip64Extra(entry, cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Zip64 extended information (header id 1): 8-byte values for the fields saturated at 0xFFFFFFFF, in order. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === MAX_U32) entry.uncompressedSize = next();
      if (entry.compressedSize === MAX_U32) entry.compressedSize = next();
      if (entry.localHeaderOffset === MAX_U32) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + len;
  }
}
