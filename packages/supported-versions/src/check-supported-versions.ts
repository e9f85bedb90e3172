// The engine's one entry: policy + releases + manifest + runtimes -> a ScanResult. Knows nothing of
// GitHub; GitHub releases come in through the injected `listReleases`.
import type { Finding, HostedRelease, ScanProblem, ScanResult } from "@bulwark/core";
import { findPolicy, parsePolicy, type PolicyFile, type SecurityPolicy } from "@bulwark/security-policy";
import { checkPolicy, noPolicyFinding } from "./checks/policy-checks.js";
import { TOOL } from "./checks/policy-finding.js";
import { asOf, withDatedStatus } from "./checks/support-evaluation.js";
import { checkTable } from "./checks/table-checks.js";
import { isShallowRepository, listGitTags, type GitTag } from "./releases/git-tags.js";
import { findManifestVersion, type ManifestVersion } from "./releases/manifest-version.js";
import { collectReleases, latestRelease, type Release } from "./releases/releases.js";
import { parseTagPattern, type TagPattern } from "./releases/tag-version.js";
import { findDeclaredRuntimes } from "./runtimes/declared-runtimes.js";
import { EndOfLifeClient } from "./runtimes/endoflife-client.js";
import { checkRuntimes } from "./runtimes/runtime-eol-check.js";
import { lineStatuses, summaryMarkdown } from "./summary-table.js";
import { ENGINE_VERSION } from "./version.js";

export const DEFAULT_ENDOFLIFE_URL = "https://endoflife.date";

export interface SupportedVersionsOptions {
  /** Repository root (where SECURITY.md, tags and manifests are). */
  root: string;
  /** Which tags are releases: a regex with a `(?<version>...)` group, or a glob such as `mypkg@*`. */
  tagPattern?: string;
  /** Let a prerelease count as "the latest release". Default false. */
  includePrereleases?: boolean;
  /** Hosted (GitHub) releases, fetched by the caller; the engine never calls GitHub itself. */
  listReleases?: () => Promise<HostedRelease[]>;
  /** Check the version declared in package.json / pyproject.toml / Cargo.toml. Default true. */
  checkManifestVersion?: boolean;
  /** Check declared Node.js / Python versions against endoflife.date. Default true. */
  checkRuntimes?: boolean;
  /** endoflife.date base URL (the API lives under `/api/v1`). Default https://endoflife.date. */
  endOfLifeUrl?: string;
  /** Directory for cached endoflife.date answers; none when absent. */
  endOfLifeCacheDir?: string;
  /** How long a cached answer is used without asking again. Default 24 h. */
  endOfLifeMaxAgeMs?: number;
  endOfLifeTimeoutMs?: number;
  /** One clock for the run. */
  now?: Date;
}

export async function checkSupportedVersions(options: SupportedVersionsOptions): Promise<ScanResult> {
  const findings: Finding[] = [];
  const problems: ScanProblem[] = [];
  const now = options.now ?? new Date();

  let pattern: TagPattern | undefined;
  try {
    pattern = parseTagPattern(options.tagPattern);
  } catch (error) {
    problems.push({ level: "error", message: (error as Error).message });
  }

  let file: PolicyFile | undefined;
  let policy: SecurityPolicy | undefined;
  let lookupFailed = false;
  try {
    file = await findPolicy(options.root);
  } catch (error) {
    lookupFailed = true;
    problems.push({ level: "error", message: `Security policy not read: ${(error as Error).message}` });
  }
  if (file) {
    try {
      policy = parsePolicy(file.content, file.path);
    } catch (error) {
      problems.push({
        level: "error",
        path: file.path,
        message: `${file.path}: ${(error as Error).message}`,
      });
    }
  } else if (!lookupFailed) {
    findings.push(noPolicyFinding());
  }
  if (policy) findings.push(...checkPolicy(policy));

  const releases = pattern ? await readReleases(options, pattern, problems) : [];
  if (pattern && releases.length === 0 && policy?.supportTable) {
    problems.push({
      level: "notice",
      message: `No release found (no tag matches ${options.tagPattern ? `"${options.tagPattern}"` : "v1.2.3, 1.2.3, name@1.2.3, name/v1.2.3 or name-v1.2.3"}${options.listReleases ? " and no hosted release" : ""}): the Supported Versions table was not compared with releases.`,
    });
  }

  let manifest: ManifestVersion | undefined;
  if (options.checkManifestVersion !== false) {
    try {
      manifest = await findManifestVersion(options.root);
    } catch (error) {
      problems.push({ level: "error", message: `Manifest version not read: ${(error as Error).message}` });
    }
  }

  const table = policy?.supportTable ? withDatedStatus(policy.supportTable, now) : undefined;
  if (policy && table) {
    findings.push(
      ...guarded(problems, policy.path, () =>
        checkTable({
          policyPath: policy.path,
          table,
          now,
          releases,
          ...(manifest ? { manifest } : {}),
          includePrereleases: options.includePrereleases ?? false,
        }),
      ),
    );
  }

  let runtimeCount = 0;
  if (options.checkRuntimes !== false) {
    const declared = await findDeclaredRuntimes(options.root);
    runtimeCount = declared.runtimes.length;
    for (const message of declared.errors) problems.push({ level: "error", message });
    if (declared.runtimes.length > 0) {
      const client = new EndOfLifeClient({
        baseUrl: options.endOfLifeUrl ?? DEFAULT_ENDOFLIFE_URL,
        ...(options.endOfLifeCacheDir ? { cacheDir: options.endOfLifeCacheDir } : {}),
        ...(options.endOfLifeMaxAgeMs !== undefined ? { maxAgeMs: options.endOfLifeMaxAgeMs } : {}),
        ...(options.endOfLifeTimeoutMs !== undefined ? { timeoutMs: options.endOfLifeTimeoutMs } : {}),
        now,
      });
      const result = await checkRuntimes(declared.runtimes, client, now);
      findings.push(...result.findings);
      problems.push(...result.problems);
    }
  }

  const statuses = lineStatuses(
    table ? asOf(table, now) : undefined,
    releases,
    options.includePrereleases ?? false,
  );
  const latest = latestRelease(releases, options.includePrereleases ?? false);
  const summary = summaryMarkdown(statuses, policy?.path);
  return {
    tool: TOOL,
    toolVersion: ENGINE_VERSION,
    findings,
    problems,
    ...(summary ? { summaryMarkdown: summary } : {}),
    stats: {
      releases: releases.length,
      tableRows: policy?.supportTable?.rows.length ?? 0,
      releaseLines: statuses.length,
      runtimes: runtimeCount,
    },
    outputs: {
      "policy-path": policy?.path ?? "",
      "latest-release": latest?.version.version ?? "",
      "supported-lines": statuses
        .filter((s) => s.supported)
        .map((s) => `${s.line}.x`)
        .join(","),
    },
  };
}

async function readReleases(
  options: SupportedVersionsOptions,
  pattern: TagPattern,
  problems: ScanProblem[],
): Promise<Release[]> {
  let tags: GitTag[] = [];
  try {
    tags = await listGitTags(options.root);
    if (tags.length === 0 && (await isShallowRepository(options.root))) {
      problems.push({
        level: "warning",
        message:
          "The repository is a shallow clone without tags; release checks may miss releases (use fetch-depth: 0 or fetch-tags: true).",
      });
    }
  } catch (error) {
    problems.push({ level: "error", message: (error as Error).message });
  }
  let hosted: HostedRelease[] | undefined;
  if (options.listReleases) {
    try {
      hosted = await options.listReleases();
    } catch (error) {
      problems.push({ level: "error", message: `Hosted releases not listed: ${(error as Error).message}` });
    }
  }
  return collectReleases(tags, pattern, hosted);
}

/** A check that throws on input nobody foresaw becomes an error problem, not a crash or a pass. */
function guarded(problems: ScanProblem[], path: string, check: () => Finding[]): Finding[] {
  try {
    return check();
  } catch (error) {
    problems.push({
      level: "error",
      path,
      message: `${path}: table checks failed: ${(error as Error).message}`,
    });
    return [];
  }
}
