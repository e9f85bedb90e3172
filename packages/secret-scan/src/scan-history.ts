// Scans the lines commits added, oldest first. The same secret (same rule, same value) found in many
// commits is one finding, pointing at the first commit that added it, even if a later commit deleted it.
import { createHash } from "node:crypto";
import type { ScanProblem } from "@bulwark/core";
import { SecretScanner, type ScannerOptions, type SecretFinding } from "@bulwark/secrets";
import { streamAddedLines } from "./patch-stream.js";

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
  options: ScannerOptions = {},
): Promise<HistoryScanResult> {
  const started = performance.now();
  const scanner = new SecretScanner(options);
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
    const result = scanner.scanText({ path: event.path, text: event.text, lineNumbers: event.lineNumbers });
    if (result.skipped) {
      stats.skippedByPath++;
      continue;
    }
    stats.files++;
    stats.bytes += event.bytes;
    for (const finding of result.findings) {
      const key = secretKey(finding.ruleId, finding.secret);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (byKey.has(key)) continue;
      secrets.add(finding.secret);
      const c = event.commit;
      finding.message = `${finding.message}\n\nAdded in commit ${c.sha} by ${c.author} on ${c.date}: removing it from the current files does not remove it from history; revoke it.`;
      finding.properties = { ...finding.properties, commit: c.sha, author: c.author, date: c.date };
      byKey.set(key, finding);
    }
  }
  for (const [key, finding] of byKey) {
    const n = counts.get(key) ?? 1;
    if (n > 1) finding.properties = { ...finding.properties, occurrences: n };
  }
  const problems: ScanProblem[] = [];
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
