// One way to build fingerprints, so every engine's are stable and comparable across runs.
import { createHash } from "node:crypto";

export type FingerprintPart = string | number | boolean | null | undefined;

/** Hex characters kept: 128 bits is ample to avoid collisions among one repository's findings. */
export const FINGERPRINT_LENGTH = 32;

/**
 * sha256 over the parts, each length-prefixed so ["a:b", "c"] and ["a", "b:c"] differ; absent parts
 * (null/undefined) are encoded distinctly from "". Leave volatile data (line numbers, timestamps, the
 * secret itself) out of the parts.
 */
export function fingerprint(...parts: FingerprintPart[]): string {
  const hash = createHash("sha256");
  hash.update("bulwark-fp-v1");
  for (const part of parts) {
    if (part === null || part === undefined) {
      hash.update("\0-");
      continue;
    }
    const text = String(part);
    hash.update(`\0${Buffer.byteLength(text, "utf8")}:`);
    hash.update(text, "utf8");
  }
  return hash.digest("hex").slice(0, FINGERPRINT_LENGTH);
}
