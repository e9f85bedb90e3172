// PyPI API tokens are "pypi-" plus a base64url (unpadded) libmacaroons v2 binary macaroon: version byte
// 2, then fields as (type varint, length varint, bytes): location (1) "pypi.org" or "test.pypi.org",
// identifier (2), end-of-section (0), caveats..., signature (6, 32 bytes).
import type { Verdict } from "../rule.js";

function readVarint(buf: Buffer, at: number): [number, number] | undefined {
  let value = 0;
  let shift = 0;
  for (let i = at; i < buf.length && shift < 35; i++) {
    const b = buf[i]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, i + 1];
    shift += 7;
  }
  return undefined;
}

export function verifyPypiToken(token: string): Verdict {
  if (!token.startsWith("pypi-")) return "invalid";
  const buf = Buffer.from(token.slice(5), "base64url");
  if (buf[0] !== 2) return "invalid";
  let at = 1;
  const fields = new Map<number, Buffer>();
  while (at < buf.length) {
    const type = readVarint(buf, at);
    if (!type) return "invalid";
    at = type[1];
    if (type[0] === 0) break;
    const len = readVarint(buf, at);
    if (!len || len[1] + len[0] > buf.length) return "invalid";
    fields.set(type[0], buf.subarray(len[1], len[1] + len[0]));
    at = len[1] + len[0];
  }
  const location = fields.get(1)?.toString("utf8");
  if (location !== "pypi.org" && location !== "test.pypi.org") return "invalid";
  return fields.has(2) ? "confirmed" : "invalid";
}
