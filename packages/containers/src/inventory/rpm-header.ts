// The rpm header as stored in an rpm database (no lead, no magic): a big-endian count of index entries
// and the data store length, the index entries (tag, type, offset, count; 16 bytes each), then the
// data store. Only the few tags an inventory needs are decoded; every offset is bounds-checked.

export class RpmHeaderError extends Error {
  constructor(file: string, what: string, reason: string) {
    super(`${file}: ${what}: ${reason}`);
    this.name = "RpmHeaderError";
  }
}

export const RPMTAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  ARCH: 1022,
  SOURCERPM: 1044,
} as const;

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;
const ENTRY_BYTES = 16;
/** rpm's own limits on a header (hdrchk): far above any real package, they stop absurd allocations. */
const MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;

export interface RpmHeader {
  strings: Map<number, string>;
  ints: Map<number, number>;
}

export function parseRpmHeader(blob: Uint8Array, file: string, what = "header"): RpmHeader {
  const data = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (data.length < 8)
    throw new RpmHeaderError(file, what, `${data.length} bytes, shorter than a header's 8-byte preamble`);
  const entries = data.readUInt32BE(0);
  const storeLength = data.readUInt32BE(4);
  if (entries < 1 || entries > MAX_ENTRIES)
    throw new RpmHeaderError(file, what, `implausible index entry count ${entries}`);
  if (storeLength > MAX_DATA)
    throw new RpmHeaderError(file, what, `implausible data store length ${storeLength}`);
  const storeStart = 8 + entries * ENTRY_BYTES;
  if (storeStart + storeLength > data.length)
    throw new RpmHeaderError(
      file,
      what,
      `truncated: ${entries} index entries and ${storeLength} data bytes need ${storeStart + storeLength} bytes, have ${data.length}`,
    );
  const store = data.subarray(storeStart, storeStart + storeLength);
  const header: RpmHeader = { strings: new Map(), ints: new Map() };
  const wanted = new Set<number>(Object.values(RPMTAG));
  for (let i = 0; i < entries; i++) {
    const at = 8 + i * ENTRY_BYTES;
    const tag = data.readUInt32BE(at);
    if (!wanted.has(tag)) continue;
    const type = data.readUInt32BE(at + 4);
    const offset = data.readUInt32BE(at + 8);
    const count = data.readUInt32BE(at + 12);
    if (offset >= store.length)
      throw new RpmHeaderError(
        file,
        what,
        `tag ${tag} points at offset ${offset} outside the ${store.length}-byte data store`,
      );
    if (type === TYPE_INT32) {
      if (count < 1 || offset % 4 !== 0 || offset + 4 > store.length)
        throw new RpmHeaderError(
          file,
          what,
          `tag ${tag}: bad INT32 entry (offset ${offset}, count ${count})`,
        );
      header.ints.set(tag, store.readUInt32BE(offset));
    } else if (type === TYPE_STRING || type === TYPE_I18NSTRING || type === TYPE_STRING_ARRAY) {
      const end = store.indexOf(0, offset);
      if (end < 0)
        throw new RpmHeaderError(file, what, `tag ${tag}: string at offset ${offset} has no terminating NUL`);
      header.strings.set(tag, store.toString("utf8", offset, end));
    } else {
      throw new RpmHeaderError(file, what, `tag ${tag} has unexpected type ${type}`);
    }
  }
  return header;
}

export interface RpmPackage {
  name: string;
  /** epoch:version-release, epoch 0 when absent (as rpm's %{EPOCHNUM}). */
  version: string;
  epoch: number;
  arch?: string;
  sourceRpm?: string;
  /** Source package name and version-release, from the source rpm file name. */
  sourceName?: string;
  sourceVersion?: string;
}

/** "openssl-3.0.7-27.el9.src.rpm" -> name "openssl", version "3.0.7-27.el9". */
export function parseSourceRpm(fileName: string): { name: string; version: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(fileName);
  return m?.[1] && m[2] && m[3] ? { name: m[1], version: `${m[2]}-${m[3]}` } : undefined;
}

export function rpmPackageFromHeader(header: RpmHeader, file: string, what: string): RpmPackage {
  const name = header.strings.get(RPMTAG.NAME);
  const version = header.strings.get(RPMTAG.VERSION);
  const release = header.strings.get(RPMTAG.RELEASE);
  if (!name || version === undefined || release === undefined)
    throw new RpmHeaderError(file, what, "no NAME, VERSION or RELEASE tag");
  const epoch = header.ints.get(RPMTAG.EPOCH) ?? 0;
  const p: RpmPackage = { name, epoch, version: `${epoch}:${version}-${release}` };
  const arch = header.strings.get(RPMTAG.ARCH);
  if (arch) p.arch = arch;
  const sourceRpm = header.strings.get(RPMTAG.SOURCERPM);
  if (sourceRpm) {
    p.sourceRpm = sourceRpm;
    const source = parseSourceRpm(sourceRpm);
    if (source) {
      p.sourceName = source.name;
      p.sourceVersion = `${epoch}:${source.version}`;
    }
  }
  return p;
}
