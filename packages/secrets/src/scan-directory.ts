// Scans a working tree: a gitignore-aware walk, then every file through the engine, on worker threads
// (one per core) for large trees and on this thread for small ones.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ScanProblem, ScanResult } from "@bulwark/core";
import { reviveFinding, scanFile, type FileOutcome } from "./scan-file.js";
import { scanOnWorkers } from "./scan-pool.js";
import { SecretScanner, TOOL, type ScannerOptions, type SecretFinding, type SkipReason } from "./scanner.js";
import { TreeWorkers } from "./shared-tree-scan.js";
import { walkTreeSync } from "./walk.js";
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
   * The worker script: a module that calls startScanWorker() (dist/scan-worker-entry.js), or a bundle
   * that does when isScanWorkerThread(). Default: what setScanWorkerScript() set, else the entry beside
   * this module; running from TypeScript sources there is none, and the scan stays on this thread.
   */
  workerScript?: string | URL;
  /**
   * On worker threads, a file still being scanned after this long is given up (an error problem naming
   * it) and its thread replaced, so a custom rule's backtracking regex cannot stall the scan (default
   * 10000). With custom rules the scan always runs on at least one worker, for this bound.
   */
  fileTimeoutMs?: number;
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

let registeredWorkerScript: string | URL | undefined;

/** Sets the default worker script, e.g. a bundled program's own file (see isScanWorkerThread). */
export function setScanWorkerScript(script: string | URL | undefined): void {
  registeredWorkerScript = script;
}

/** The worker script scans use unless told otherwise: the registered one, else the compiled entry. */
export function scanWorkerScript(): string | URL | undefined {
  return registeredWorkerScript ?? defaultWorkerScript();
}

function defaultWorkerScript(): string | undefined {
  if (!import.meta.url.startsWith("file:")) return undefined;
  // The name is computed so that bundlers do not copy a file they cannot run (the TypeScript source)
  // into their output as an asset; a bundle registers itself instead.
  const file = join(dirname(fileURLToPath(import.meta.url)), ["scan-worker-entry", "js"].join("."));
  return existsSync(file) ? file : undefined;
}

export async function scanDirectory(
  root: string,
  options: DirectoryScanOptions = {},
): Promise<DirectoryScanResult> {
  const started = performance.now();
  const scanner = new SecretScanner(options);
  const script = options.workerScript ?? scanWorkerScript();
  const init = toWorkerInit(options);
  const wanted = options.threads ?? availableParallelism();
  const customRules = (options.extraRules?.length ?? 0) > 0;
  const minFiles = options.minFilesForWorkers ?? 200;
  const canUseWorkers = script !== undefined && init !== undefined;
  const poolOptions = (threads: number) =>
    ({ root, init: init!, script: script!, threads, itemTimeoutMs: options.fileTimeoutMs }) as const;
  // Built-in rules only: this thread scans beside threads - 1 workers, all claiming batches from one
  // shared counter. Custom rules stay off this thread, where no watchdog could stop them (ScanPool).
  let tree: TreeWorkers | undefined;
  const walk = (() => {
    try {
      return walkTreeSync(root, {
        respectGitignore: options.respectGitignore,
        pruneDir: (rel) => scanner.pathSkipReason(`${rel}/.bulwark-probe`) !== undefined,
        // Workers start as soon as the tree is known to be large, so their start-up overlaps the walk.
        onFile: (count) => {
          if (count !== minFiles || wanted <= 1 || !canUseWorkers || customRules) return;
          tree = new TreeWorkers({ root, init: init!, script: script!, workers: wanted - 1 });
          tree.start();
        },
      });
    } catch (e) {
      void tree?.close();
      throw e;
    }
  })();
  const problems: ScanProblem[] = walk.errors.map((e) => ({
    level: "error",
    path: e.path,
    message: `could not list directory: ${e.message}`,
  }));

  const large = wanted > 1 && walk.files.length >= minFiles;
  const batchSize = options.batchSize ?? 64;
  const local = (file: string) => scanFile(scanner, root, file);
  let outcomes: FileOutcome[];
  let threads = 1;
  if (canUseWorkers && large && !customRules) {
    threads = wanted;
    tree ??= new TreeWorkers({ root, init: init!, script: script!, workers: wanted - 1 });
    try {
      outcomes = await tree.scan(walk.files, batchSize, local);
    } finally {
      await tree.close();
    }
  } else if (canUseWorkers && walk.files.length > 0 && customRules) {
    threads = large ? wanted : 1;
    outcomes = await scanOnWorkers(walk.files, { ...poolOptions(threads), batchSize });
  } else {
    outcomes = walk.files.map(local);
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
    for (const t of o.findings) findings.push(reviveFinding(t));
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
