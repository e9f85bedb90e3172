// Passes bytes through while hashing them; fails the stream when the content does not match its digest.
import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

export class DigestMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`content digest mismatch: expected ${expected}, got ${actual}`);
    this.name = "DigestMismatchError";
  }
}

export function sha256Digest(data: Buffer | string): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

export function verifyingStream(expected: string): Transform {
  const [algorithm] = expected.split(":");
  if (algorithm !== "sha256") throw new Error(`unsupported digest algorithm in ${expected}`);
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      const actual = `sha256:${hash.digest("hex")}`;
      callback(actual === expected ? null : new DigestMismatchError(expected, actual));
    },
  });
}
