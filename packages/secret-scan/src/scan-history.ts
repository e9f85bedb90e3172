// Scans the lines commits added, oldest first. The same secret (same rule, same value) found in many
// commits is one finding, pointing at the first commit that added it, even if a later commit deleted it.
// With custom rules the texts go to a worker thread, whose watchdog bounds the time any one file change
// may take (a user's regex cannot stall the scan); built-in rules are linear and run on this thread.
import { createHash } from "node:crypto";
import type { ScanProblem } from "@bulwark/core";
import {
  reviveFinding,
  ScanPool,
  scanWorkerScript,
  SecretScanner,
  toWorkerInit,
  type ScannerOptions,
  type SecretFinding,
  type SkipReason,
  type TextInput,
} from "@bulwark/secrets";
import { streamAddedLines, type CommitInfo } from "./patch-stream.js";

export interface HistoryScanOptions extends ScannerOptions {
  /** Worker script for the time-bounded scan of custom rules (default: scanWorkerScript()). */
  workerScript?: string | URL;
  /** A file change still being scanned after this long is given up, with an error problem (default 10 s). */
  itemTimeoutMs?: number;
}

interface Scanned {
  commit: CommitInfo;
  path: string;
  bytes: number;
  findings: SecretFinding[];
  skipped?: SkipReason;
  problem?: ScanProblem;
}

/** Batches of texts in flight on the pool before this thread waits for the oldest (bounds memory). */
const MAX_PENDING = 4;
const BATCH_BYTES = 1 << 20;
const BATCH_ITEMS = 128;

export interface HistoryScanStats {
  commits: number;
  files: number;
  bytes: number;
  skippedBinary: number;
  skippedTooLarge: number;
  skippedByPath: number;
  findings: number;
  durationMs: number;
}

export interface HistoryScanResult {
  findings: SecretFinding[];
  /** Every secret found, for log masking. Never serialise this. */
  secretsForMasking: string[];
  problems: ScanProblem[];
  stats: HistoryScanStats;
}

function secretKey(ruleId: string, secret: string): string {
  return createHash("sha256").update(ruleId).update("\0").update(secret).digest("hex");
}

/** Scans what `git log <revisions>` added, run in `root` (paths relative to it). */
export async function scanHistory(
  root: string,
  revisions: readonly string[],
  options: HistoryScanOptions = {},
): Promise<HistoryScanResult> {
  const started = performance.now();
  const scanner = new SecretScanner(options);
  const init = (options.extraRules?.length ?? 0) > 0 ? toWorkerInit(options) : undefined;
  const script = options.workerScript ?? scanWorkerScript();
  const pool =
    init && script
      ? new ScanPool({ root, init, script, threads: 1, itemTimeoutMs: options.itemTimeoutMs })
      : undefined;
  const stats: HistoryScanStats = {
    commits: 0,
    files: 0,
    bytes: 0,
    skippedBinary: 0,
    skippedTooLarge: 0,
    skippedByPath: 0,
    findings: 0,
    durationMs: 0,
  };
  const byKey = new Map<string, SecretFinding>();
  const counts = new Map<string, number>();
  const secrets = new Set<string>();
  const tooLarge: string[] = [];
  const problems: ScanProblem[] = [];
  const take = (r: Scanned) => {
    if (r.problem) {
      problems.push({ ...r.problem, message: `${r.problem.message} (commit ${r.commit.sha.slice(0, 12)})` });
      return;
    }
    if (r.skipped) {
      stats.skippedByPath++;
      return;
    }
    stats.files++;
    stats.bytes += r.bytes;
    for (const finding of r.findings) {
      const key = secretKey(finding.ruleId, finding.secret);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (byKey.has(key)) continue;
      secrets.add(finding.secret);
      const c = r.commit;
      finding.message = `${finding.message}\n\nAdded in commit ${c.sha} by ${c.author} on ${c.date}: removing it from the current files does not remove it from history; revoke it.`;
      finding.properties = { ...finding.properties, commit: c.sha, author: c.author, date: c.date };
      byKey.set(key, finding);
    }
  };
  // Pool mode: batches in commit order, results taken in the same order, so "first commit" holds.
  const pending: Promise<Scanned[]>[] = [];
  let batch: { commit: CommitInfo; input: TextInput; bytes: number }[] = [];
  let batchBytes = 0;
  const flush = async (force: boolean) => {
    if (pool && batch.length > 0) {
      const sent = batch;
      batch = [];
      batchBytes = 0;
      const scanned = pool.scan(sent.map((b) => b.input)).then((outcomes) =>
        outcomes.map((o, i) => ({
          commit: sent[i]!.commit,
          path: o.path,
          bytes: sent[i]!.bytes,
          findings: o.findings.map(reviveFinding),
          skipped: o.skipped,
          problem: o.problem,
        })),
      );
      // Awaited in order below; until then a pool failure must not count as an unhandled rejection.
      scanned.catch(() => undefined);
      pending.push(scanned);
    }
    while (pending.length > (force ? 0 : MAX_PENDING)) for (const r of await pending.shift()!) take(r);
  };
  try {
    for await (const event of streamAddedLines(root, revisions, { maxBytes: scanner.maxBytes })) {
      if (event.kind === "commit") {
        stats.commits++;
        continue;
      }
      if (event.kind === "skipped") {
        if (event.reason === "binary") stats.skippedBinary++;
        else {
          stats.skippedTooLarge++;
          tooLarge.push(`${event.path}@${event.commit.sha.slice(0, 12)}`);
        }
        continue;
      }
      const input: TextInput = {
        path: event.path,
        text: event.text,
        lineNumbers: event.lineNumbers,
        commit: event.commit.sha,
      };
      if (!pool) {
        const result = scanner.scanText(input);
        take({ commit: event.commit, path: event.path, bytes: event.bytes, ...result });
        continue;
      }
      // Path skips are decided here, so skipped texts do not cross to the worker.
      if (scanner.pathSkipReason(event.path)) {
        stats.skippedByPath++;
        continue;
      }
      batch.push({ commit: event.commit, input, bytes: event.bytes });
      batchBytes += event.bytes;
      if (batch.length >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) await flush(false);
    }
    await flush(true);
  } finally {
    await pool?.close();
  }
  for (const [key, finding] of byKey) {
    const n = counts.get(key) ?? 1;
    if (n > 1) finding.properties = { ...finding.properties, occurrences: n };
  }
  if (tooLarge.length > 0)
    problems.push({
      level: "notice",
      message: `${tooLarge.length} file change(s) adding over ${scanner.maxBytes} bytes were not scanned: ${tooLarge.slice(0, 10).join(", ")}${tooLarge.length > 10 ? ", ..." : ""}`,
    });
  const findings = [...byKey.values()];
  stats.findings = findings.length;
  stats.durationMs = Math.round(performance.now() - started);
  return { findings, secretsForMasking: [...secrets], problems, stats };
}
