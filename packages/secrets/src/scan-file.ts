// Reads and scans one file of a working tree: the unit of work shared by the single-threaded path
// and the worker threads.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { ScanProblem } from "@bulwark/core";
import type { SecretFinding, SecretScanner, SkipReason, TextScanResult } from "./scanner.js";

/** A finding as it crosses a thread boundary: plain data plus the secret, re-hidden on arrival. */
export interface TransferredFinding {
  finding: Record<string, unknown>;
  secret: string;
}

export interface FileOutcome {
  path: string;
  bytes: number;
  findings: TransferredFinding[];
  skipped?: SkipReason;
  problem?: ScanProblem;
}

/** One read buffer per thread, reused for every file: allocating one per file kept the GC busy. */
let scratch = Buffer.allocUnsafe(1 << 20);

/**
 * The first read of a file: enough to judge it (binary, minified) before reading the rest, and all of
 * most source files, which then cost one read.
 */
const HEAD_BYTES = 64 * 1024;

/**
 * Reads a file into the shared scratch buffer (valid until the next call), unless it is larger than
 * `max` or its first HEAD_BYTES, read first, show it is skipped (binary, minified): binaries and minified
 * bundles are often the largest files of a checkout, and then cost one small read. Synchronous on
 * purpose: for the many small files of a source tree, the promise machinery of fs/promises costs more
 * than the read (measured: ~0.2 ms per file), and this runs on worker threads or in a batch CLI/action.
 */
function readUpTo(scanner: SecretScanner, path: string, file: string): Buffer | SkipReason {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > scanner.maxBytes) return "too-large";
    if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, scratch, at, at === 0 ? Math.min(size, HEAD_BYTES) : size - at, at);
      if (n === 0) break;
      if (at === 0) {
        const skip = scanner.headSkipReason(path, scratch.subarray(0, n));
        if (skip) return skip;
      }
      at += n;
    }
    return scratch.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

export function scanFile(scanner: SecretScanner, root: string, path: string): FileOutcome {
  const reason = scanner.pathSkipReason(path);
  if (reason) return { path, bytes: 0, findings: [], skipped: reason };
  let buf: Buffer;
  try {
    const read = readUpTo(scanner, path, join(root, path));
    if (typeof read === "string") return { path, bytes: 0, findings: [], skipped: read };
    buf = read;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return {
      path,
      bytes: 0,
      findings: [],
      problem: { level: "error", path, message: `could not read file: ${err.code ?? err.message}` },
    };
  }
  return toOutcome(path, buf.length, scanner.scanBytes(path, buf));
}

/** A scan result as plain data that can cross a thread boundary. */
export function toOutcome(path: string, bytes: number, result: TextScanResult): FileOutcome {
  return {
    path,
    bytes,
    skipped: result.skipped,
    findings: result.findings.map((f) => ({ finding: { ...f }, secret: f.secret })),
  };
}

/** A finding back from another thread, its secret hidden again (not enumerable, never serialised). */
export function reviveFinding(t: TransferredFinding): SecretFinding {
  Object.defineProperty(t.finding, "secret", { value: t.secret, enumerable: false });
  return t.finding as unknown as SecretFinding;
}
