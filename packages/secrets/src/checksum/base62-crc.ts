// GitHub's token format (also adopted by npm): a prefix, 30 random base62 characters, then the CRC-32
// of those 30 characters in base62, left-padded with "0" to 6 characters.
import type { Verdict } from "../rule.js";
import { crc32 } from "./crc32.js";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function base62(n: number, width: number): string {
  let out = "";
  let v = n;
  do {
    out = BASE62[v % 62]! + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  return out.padStart(width, "0");
}

/** Checksum characters for a random part. */
export function base62Crc32(random: string): string {
  return base62(crc32(random), 6);
}

/** Verifies `<prefix><30 random><6 checksum>`; the prefix is whatever precedes the last 36 characters. */
export function verifyBase62Crc32Token(token: string): Verdict {
  if (token.length < 36) return "invalid";
  const body = token.slice(-36);
  return base62Crc32(body.slice(0, 30)) === body.slice(30) ? "confirmed" : "unchecked";
}
