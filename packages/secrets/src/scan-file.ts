// Reads and scans one file of a working tree: the unit of work shared by the single-threaded path
// and the worker threads.
import { readFile, stat } from "node:fs/promises";
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

export async function scanFile(scanner: SecretScanner, root: string, path: string): Promise<FileOutcome> {
  const reason = scanner.pathSkipReason(path);
  if (reason) return { path, bytes: 0, findings: [], skipped: reason };
  let buf: Buffer;
  try {
    const info = await stat(join(root, path));
    if (info.size > scanner.maxBytes) return { path, bytes: 0, findings: [], skipped: "too-large" };
    buf = await readFile(join(root, path));
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
