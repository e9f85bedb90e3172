// Scans a working tree: a gitignore-aware walk, then every file through the engine, on worker threads
// (one per core) for large trees and on this thread for small ones.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ScanProblem, ScanResult } from "@bulwark/core";
import { scanFile, type FileOutcome } from "./scan-file.js";
import { SecretScanner, TOOL, type ScannerOptions, type SecretFinding, type SkipReason } from "./scanner.js";
import { walkTree } from "./walk.js";
import { toWorkerInit } from "./worker-init.js";

export interface DirectoryScanOptions extends ScannerOptions {
  /** Worker threads; 1 scans on this thread. Default: one per core when the tree is large enough. */
  threads?: number;
  /** Below this many files the scan stays on this thread (default 200). */
  minFilesForWorkers?: number;
  /** Files per message to a worker (default 64). */
  batchSize?: number;
  respectGitignore?: boolean;
  /**
   * The compiled worker entry (dist/scan-worker.js). Defaults to the file beside this module; when
   * running from TypeScript sources there is none, and the scan stays on this thread.
   */
  workerScript?: string | URL;
}

export interface DirectoryScanStats {
  files: number;
  bytes: number;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
  findings: number;
  rules: number;
  threads: number;
  durationMs: number;
}

export interface DirectoryScanResult {
  findings: SecretFinding[];
  /** Every secret found, for log masking. Never serialise this. */
  secretsForMasking: string[];
  problems: ScanProblem[];
  stats: DirectoryScanStats;
}

function defaultWorkerScript(): URL | undefined {
  const url = new URL("./scan-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

async function runOnWorkers(
  files: string[],
  root: string,
  options: DirectoryScanOptions,
  threads: number,
  script: string | URL,
): Promise<FileOutcome[]> {
  const init = toWorkerInit(options);
  const batchSize = options.batchSize ?? 64;
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
  const results: FileOutcome[][] = new Array<FileOutcome[]>(batches.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(threads, batches.length) },
    () => new Worker(script, { workerData: { root, init } }),
  );
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= batches.length) return resolve();
              const id = next++;
              w.postMessage({ id, files: batches[id] });
            };
            w.on("message", (msg: { id: number; outcomes: FileOutcome[] }) => {
              results[msg.id] = msg.outcomes;
              feed();
            });
            w.on("error", reject);
            w.on("exit", (code) => {
              if (code !== 0) reject(new Error(`secret-scan worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}

export async function scanDirectory(
  root: string,
  options: DirectoryScanOptions = {},
): Promise<DirectoryScanResult> {
  const started = performance.now();
  const scanner = new SecretScanner(options);
  const walk = await walkTree(root, {
    respectGitignore: options.respectGitignore,
    pruneDir: (rel) => scanner.pathSkipReason(`${rel}/.bulwark-probe`) !== undefined,
  });
  const problems: ScanProblem[] = walk.errors.map((e) => ({
    level: "error",
    path: e.path,
    message: `could not list directory: ${e.message}`,
  }));

  const script = options.workerScript ?? defaultWorkerScript();
  const wanted = options.threads ?? availableParallelism();
  const canUseWorkers =
    wanted > 1 &&
    script !== undefined &&
    walk.files.length >= (options.minFilesForWorkers ?? 200) &&
    toWorkerInit(options) !== undefined;
  let outcomes: FileOutcome[];
  let threads = 1;
  if (canUseWorkers) {
    threads = wanted;
    outcomes = await runOnWorkers(walk.files, root, options, wanted, script);
  } else {
    outcomes = [];
    for (const file of walk.files) outcomes.push(scanFile(scanner, root, file));
  }

  const findings: SecretFinding[] = [];
  const stats: DirectoryScanStats = {
    files: 0,
    bytes: 0,
    skipped: 0,
    skippedByReason: {},
    findings: 0,
    rules: scanner.rules.length,
    threads,
    durationMs: 0,
  };
  const tooLarge: string[] = [];
  for (const o of outcomes) {
    if (o.problem) problems.push(o.problem);
    if (o.skipped) {
      stats.skipped++;
      stats.skippedByReason[o.skipped] = (stats.skippedByReason[o.skipped] ?? 0) + 1;
      if (o.skipped === "too-large") tooLarge.push(o.path);
    } else if (!o.problem) {
      stats.files++;
      stats.bytes += o.bytes;
    }
    for (const t of o.findings) {
      Object.defineProperty(t.finding, "secret", { value: t.secret, enumerable: false });
      findings.push(t.finding as unknown as SecretFinding);
    }
  }
  if (tooLarge.length > 0)
    problems.push({
      level: "notice",
      message: `${tooLarge.length} file(s) over ${scanner.maxBytes} bytes were not scanned: ${tooLarge.slice(0, 10).join(", ")}${tooLarge.length > 10 ? ", ..." : ""}`,
    });
  stats.findings = findings.length;
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, secretsForMasking: [...new Set(findings.map((f) => f.secret))], problems, stats };
}

/** The engine's result in the shape the policy gate and reporters take. */
export function toScanResult(result: DirectoryScanResult, toolVersion: string): ScanResult {
  const { skippedByReason: _r, ...counts } = result.stats;
  return { tool: TOOL, toolVersion, findings: result.findings, problems: result.problems, stats: counts };
}
