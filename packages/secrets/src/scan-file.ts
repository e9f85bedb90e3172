// Reads and scans one file of a working tree: the unit of work shared by the single-threaded path
// and the worker threads.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { ScanProblem } from "@bulwark/core";
import type { SecretScanner, SkipReason } from "./scanner.js";

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

/**
 * Reads a file unless it is larger than `max`; undefined when too large. Synchronous on purpose: for
 * the many small files of a source tree, the promise machinery of fs/promises costs more than the read
 * (measured: ~0.2 ms per file), and this runs on worker threads or in a batch CLI/action anyway.
 */
function readUpTo(file: string, max: number): Buffer | undefined {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > max) return undefined;
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === size ? buf : buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

export function scanFile(scanner: SecretScanner, root: string, path: string): FileOutcome {
  const reason = scanner.pathSkipReason(path);
  if (reason) return { path, bytes: 0, findings: [], skipped: reason };
  let buf: Buffer;
  try {
    const read = readUpTo(join(root, path), scanner.maxBytes);
    if (!read) return { path, bytes: 0, findings: [], skipped: "too-large" };
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
  // Binary check on bytes before decoding, so large binaries are never turned into strings.
  if (buf.subarray(0, 8192).includes(0)) return { path, bytes: buf.length, findings: [], skipped: "binary" };
  const result = scanner.scanText({ path, text: buf.toString("utf8") });
  return {
    path,
    bytes: buf.length,
    skipped: result.skipped,
    findings: result.findings.map((f) => ({ finding: { ...f }, secret: f.secret })),
  };
}
