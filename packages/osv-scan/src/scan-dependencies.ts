// The osv-scan pipeline: lockfiles -> packages -> OSV matches -> findings, with every file that
// could not be read, every package that could not be decided and every database failure reported.
import { relative, sep } from "node:path";
import type { ScanProblem, ScanResult } from "@bulwark/core";
import type { ExtractResult, PackageRecord } from "@bulwark/lockfiles";
import {
  matchPackages,
  packageKey,
  type PackageMatch,
  type PackageQuery,
  type UnresolvedPackage,
  type VulnerabilitySource,
} from "@bulwark/osv";
import { collectLockfiles, type CollectOptions } from "./collect-lockfiles.js";
import { compareWithBase } from "./compare-with-base.js";
import { TOOL } from "./dependency-finding.js";
import { devOnly, identity, lockfileFindings, recordQuery } from "./lockfile-findings.js";
import { lockfilesAtCommit } from "./lockfiles-at-commit.js";
import { osvScannerIgnores } from "./osv-scanner-config.js";
import { scanComment, scanSummary, type SummaryContext } from "./scan-summary.js";
import { applySla, type SlaPolicy } from "./sla.js";
import { ENGINE_VERSION } from "./version.js";
import { vulnerablePackages } from "./vulnerable-packages.js";

export type { VulnerablePackage } from "./vulnerable-packages.js";

export interface ScanOptions extends CollectOptions {
  /**
   * The repository root when the scan root is a folder inside it: finding and problem paths are then
   * relative to it, so annotations and SARIF point at the right files. Default: the scan root.
   */
  workspace?: string;
  source: VulnerabilitySource & { notices?: ScanProblem[] };
  /** Keep packages only dev tooling needs (default true). */
  includeDev?: boolean;
  progress?(message: string): void;
  /**
   * new-only: a git revision (a pull request's base) whose lockfiles, read from git, are scanned too;
   * findings already there are reported as such and do not fail the gate, and findings gone are listed as fixed.
   */
  base?: string;
  /** Time to patch by severity (from SECURITY.md): findings past it are marked "SLA breached". */
  sla?: SlaPolicy;
  /** With sla: breached findings fail the gate whatever their severity. */
  failOnSlaBreach?: boolean;
  /** The run's clock, for SLA deadlines. Default: now. */
  now?: Date;
}

/** Most unresolved package names a problem lists before "and N more". */
const NAMES_PER_PROBLEM = 20;

export async function scanDependencies(options: ScanOptions): Promise<ScanResult> {
  const progress = options.progress ?? (() => {});
  const prefix = options.workspace ? toPosix(relative(options.workspace, options.root)) : "";
  const extracted = (await collectLockfiles(options)).map((r) => withPrefix(r, prefix));
  const problems: ScanProblem[] = [];
  const lockfiles: ExtractResult[] = [];
  for (const result of extracted) {
    for (const e of result.errors) {
      problems.push({
        level: "error",
        path: e.file,
        ...(e.line !== undefined ? { line: e.line } : {}),
        message: e.message,
      });
    }
    if (result.errors.length === 0) lockfiles.push(result);
  }
  const base = options.base !== undefined ? await readBase(options, prefix, problems) : undefined;
  const keep = (p: PackageRecord) => options.includeDev !== false || !devOnly(p);
  const records = lockfiles.flatMap((l) => l.packages.filter(keep));
  progress(`osv-scan: ${records.length} packages in ${lockfiles.length} lockfiles`);
  if (extracted.length === 0) {
    problems.push({ level: "notice", message: "No supported lockfile or manifest was found." });
  }
  const queries = new Map<string, PackageQuery>();
  for (const r of records) {
    const q = recordQuery(r);
    queries.set(packageKey(q), q);
  }
  // The base's packages go into the same database pass: one query for both sides.
  const allQueries = new Map(queries);
  for (const l of base?.lockfiles ?? []) {
    for (const r of l.packages) {
      if (!keep(r)) continue;
      const q = recordQuery(r);
      allQueries.set(packageKey(q), q);
    }
  }
  const byKey = new Map<string, PackageMatch[]>();
  const unresolvedByKey = new Map<string, UnresolvedPackage>();
  let databaseFailed = false;
  if (allQueries.size > 0) {
    try {
      const result = await matchPackages([...allQueries.values()], options.source);
      for (const m of result.matches) {
        const key = packageKey(m.package);
        byKey.set(key, [...(byKey.get(key) ?? []), m]);
      }
      for (const u of result.unresolved) unresolvedByKey.set(packageKey(u.package), u);
      for (const p of result.problems) {
        // A gap (an ecosystem the database lacks) leaves packages unchecked: an error unless the
        // source says it went on (a stale cached export).
        const level = p.level ?? "error";
        const needed = p.ecosystem !== undefined ? p.packages.filter((k) => queries.has(k)).length : 0;
        const message =
          level === "error" && p.ecosystem !== undefined && needed > 0
            ? `The vulnerability database has no ${p.ecosystem} records, so ${needed} ${p.ecosystem} package${needed === 1 ? " was" : "s were"} not checked: ${p.message}`
            : p.message;
        problems.push({ level, message });
      }
    } catch (error) {
      databaseFailed = true;
      problems.push({
        level: "error",
        message: `The vulnerability database could not be reached, so no package was checked: ${(error as Error).message}`,
      });
    }
  }
  problems.push(...(options.source.notices ?? []));

  const head = lockfileFindings(lockfiles, byKey, unresolvedByKey, keep);
  const { findings, unresolvedPerFile } = head;
  for (const [file, names] of unresolvedPerFile) problems.push(unresolvedProblem(file, names));
  const slaBreached = options.sla
    ? applySla(findings, options.sla, {
        now: options.now ?? new Date(),
        failOnBreach: options.failOnSlaBreach === true,
      })
    : undefined;
  // A base finding is fixed only where the head was checked: not in a head lockfile that failed to
  // parse, not for a package the head left unresolved, and not when the database failed altogether.
  const unreadable = new Set(extracted.filter((r) => r.errors.length > 0).map((r) => r.file));
  const comparison =
    base && !databaseFailed
      ? compareWithBase(findings, lockfileFindings(base.lockfiles, byKey, new Map(), keep).findings, {
          checked: (f) =>
            !unreadable.has(f.location?.path ?? "") &&
            !head.unchecked.has(identity(f.location?.path, f.package?.ecosystem, f.package?.name)),
        })
      : undefined;
  const ignores = await osvScannerIgnores(
    prefix ? options.workspace! : options.root,
    lockfiles.map((l) => l.file),
    prefix,
  );
  problems.push(...ignores.problems);
  const unresolvedCount = [...unresolvedPerFile.values()].reduce((n, m) => n + m.size, 0);
  const stats: Record<string, number> = {
    lockfiles: lockfiles.length,
    "unreadable-files": extracted.length - lockfiles.length,
    packages: queries.size,
    unresolved: unresolvedCount,
    vulnerabilities: new Set(findings.map((f) => f.ruleId)).size,
    "vulnerable-packages": new Set(
      findings.map((f) => `${f.package?.ecosystem}/${f.package?.name}@${f.package?.version}`),
    ).size,
  };
  if (slaBreached !== undefined) stats["sla-breached"] = slaBreached;
  if (comparison) {
    stats["already-on-base"] = comparison.preexisting.length;
    stats.fixed = comparison.fixed.length;
  }
  const summaryContext: SummaryContext = {
    unresolved: unresolvedCount,
    osvScannerFiles: ignores.files,
    ...(databaseFailed ? { databaseFailed } : {}),
    ...(options.sla && slaBreached !== undefined
      ? {
          sla: { file: options.sla.file, breached: slaBreached, failing: options.failOnSlaBreach === true },
        }
      : {}),
    ...(base && comparison
      ? {
          base: {
            label: base.label,
            preexisting: new Set(comparison.preexisting),
            fixed: comparison.fixed,
          },
        }
      : {}),
  };
  const comment = scanComment(findings, summaryContext);
  const result: ScanResult = {
    tool: TOOL,
    toolVersion: ENGINE_VERSION,
    findings,
    problems,
    summaryMarkdown: scanSummary(findings, summaryContext),
    stats,
    outputs: { "vulnerable-packages": JSON.stringify(vulnerablePackages(findings)) },
  };
  if (base && comparison) {
    result.preexisting = {
      fingerprints: comparison.preexisting,
      reason: `already on the base (${base.label}); new-only gates on what this change introduces`,
    };
    result.fixed = comparison.fixed;
  }
  if (comment) result.commentMarkdown = comment;
  if (ignores.rules.length > 0) result.ignores = ignores.rules;
  return result;
}

interface BaseSide {
  /** How the base is named to people: the revision and its short commit id. */
  label: string;
  lockfiles: ExtractResult[];
}

/**
 * The base's lockfiles from git. When they cannot be read, every head finding counts as new (a warning
 * says so): the comparison only ever lets findings through, so losing it must not pass anything.
 */
async function readBase(
  options: ScanOptions,
  prefix: string,
  problems: ScanProblem[],
): Promise<BaseSide | undefined> {
  const revision = options.base!;
  try {
    const { commit, results } = await lockfilesAtCommit({ ...options, revision });
    const short = commit.slice(0, 12);
    const label = revision.startsWith(short) || commit === revision ? short : `${revision} at ${short}`;
    const lockfiles: ExtractResult[] = [];
    for (const r of results.map((x) => withPrefix(x, prefix))) {
      if (r.errors.length === 0) lockfiles.push(r);
      else
        problems.push({
          level: "warning",
          path: r.file,
          message: `new-only: ${r.file} could not be read at the base (${label}), so its findings all count as new: ${r.errors[0]!.message}`,
        });
    }
    options.progress?.(`osv-scan: comparing with ${results.length} lockfiles at the base (${label})`);
    return { label, lockfiles };
  } catch (error) {
    problems.push({
      level: "warning",
      message: `new-only: cannot read the base ${revision} (${(error as Error).message}), so every finding counts as new`,
    });
    return undefined;
  }
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** Re-roots a result's paths from the scan root to the workspace. */
function withPrefix(result: ExtractResult, prefix: string): ExtractResult {
  if (!prefix) return result;
  const at = (file: string) => `${prefix}/${file}`;
  return {
    ...result,
    file: at(result.file),
    packages: result.packages.map((p) => ({ ...p, file: at(p.file) })),
    errors: result.errors.map((e) => ({ ...e, file: at(e.file) })),
  };
}

function unresolvedProblem(file: string, names: Map<string, string>): ScanProblem {
  const list = [...names.keys()];
  const shown = list.slice(0, NAMES_PER_PROBLEM).join(", ");
  const more = list.length > NAMES_PER_PROBLEM ? ` and ${list.length - NAMES_PER_PROBLEM} more` : "";
  const reasons = [...new Set(names.values())];
  return {
    level: "warning",
    path: file,
    message: `${list.length} package${list.length === 1 ? "" : "s"} could not be checked (${reasons.slice(0, 3).join("; ")}): ${shown}${more}`,
  };
}
