// SARIF 2.1.0 for GitHub code scanning: one run per scan (or per wrapped tool, when the scan lists its
// toolRuns), one rule per rule id, results with stable partial fingerprints, within the limits GitHub
// enforces on uploads.
import { gzipSync } from "node:zlib";
import type { Location as SarifLocation, Log, Notification, ReportingDescriptor, Result, Run } from "sarif";
import type { Severity } from "../finding.js";
import { MAX_SARIF_GZIP_BYTES } from "../github/code-scanning.js";
import type { EvaluatedFinding, GateResult, ScanProblem, ScanResult } from "../report.js";
import { severityFromCvss } from "../severity.js";
import { compareText, sortForReport } from "./order.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
/** GitHub code scanning rejects runs with more results than this. */
export const MAX_RESULTS_PER_RUN = 25_000;
/** GitHub rejects files with more runs than this. */
export const MAX_RUNS_PER_FILE = 20;
/** GitHub rejects rules with more tags than this. */
export const MAX_TAGS_PER_RULE = 20;
export const FINGERPRINT_KEY = "bulwarkFingerprint/v1";
export const BULWARK_INFORMATION_URI = "https://github.com/bulwark-security/bulwark";

export interface SarifRunInput {
  scan: ScanResult;
  gate: GateResult;
  /**
   * Keeps code-scanning uploads of different actions apart (`automationDetails.id` is `<category>/`);
   * defaults to the tool name.
   */
  category?: string;
  /**
   * Where findings without a location point (the lockfile, SECURITY.md...), relative to the scanned
   * root. Without it such results carry no location.
   */
  defaultPath?: string;
  /** The driver's `informationUri`; defaults to Bulwark's. */
  informationUri?: string;
}

export interface SarifOutput {
  log: Log;
  /** Things the user must be told, e.g. results dropped to stay within GitHub's limits. */
  notices: string[];
}

const LEVEL: Record<Severity, Result.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** Used when a finding has no score, or a score that disagrees with its severity: GitHub derives its
 * severity label from `security-severity`, so the number must fall in the finding's band. */
const BAND_SCORE: Record<Severity, number> = {
  critical: 9.5,
  high: 8.0,
  medium: 5.5,
  low: 2.0,
  info: 0.0,
};

function securitySeverity(f: EvaluatedFinding): string {
  const score =
    f.score !== undefined && Number.isFinite(f.score) && f.score >= 0 && f.score <= 10 ? f.score : undefined;
  const inBand = score !== undefined && severityFromCvss(score) === f.severity;
  return (inBand ? score : BAND_SCORE[f.severity]).toFixed(1);
}

/** Relative paths become relative URI references, one encoded segment at a time (so `#`, `?`, `%` and
 * spaces in file names survive); absolute paths become file URIs. */
export function pathToSarifUri(path: string): { uri: string; uriBaseId?: string } {
  const slashed = path.replace(/\\/g, "/");
  const absolute = slashed.startsWith("/") || /^[A-Za-z]:\//.test(slashed);
  const segments = slashed
    .split("/")
    .filter((s) => s !== "" && s !== ".")
    .map((s) => (/^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s)));
  if (absolute) return { uri: `file:///${segments.join("/")}` };
  return { uri: segments.join("/") || ".", uriBaseId: "%SRCROOT%" };
}

function physicalLocation(path: string, startLine?: number, endLine?: number, cols?: [number?, number?]) {
  const region =
    startLine !== undefined && startLine >= 1
      ? {
          startLine,
          ...(endLine !== undefined && endLine >= startLine ? { endLine } : {}),
          ...(cols?.[0] !== undefined && cols[0] >= 1 ? { startColumn: cols[0] } : {}),
          ...(cols?.[1] !== undefined && cols[1] >= 1 ? { endColumn: cols[1] } : {}),
        }
      : undefined;
  return { physicalLocation: { artifactLocation: pathToSarifUri(path), ...(region ? { region } : {}) } };
}

function httpUri(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    const parsed = new URL(uri);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function cweTags(f: EvaluatedFinding): string[] {
  const fromProps = Array.isArray(f.properties?.cwe) ? (f.properties.cwe as unknown[]) : [];
  const candidates = [...(f.ids ?? []), ...(f.aliases ?? []), ...fromProps.map(String)];
  return candidates
    .map((id) => /^CWE-(\d+)$/i.exec(id.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `external/cwe/cwe-${m[1]}`);
}

function stringTags(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string" && t !== "") : [];
}

/** `findings` are the rule's findings, most severe first: the first one describes the rule. */
function ruleFor(ruleId: string, findings: readonly EvaluatedFinding[]): ReportingDescriptor {
  const first = findings[0]!;
  const remediation = first.remediation ? `Remediation: ${first.remediation}` : "";
  const text = [first.message, remediation].filter(Boolean).join("\n\n");
  const markdown = [first.message, first.remediation ? `**Remediation:** ${first.remediation}` : ""]
    .filter(Boolean)
    .join("\n\n");
  const extraTags = [...cweTags(first), ...stringTags(first.properties?.tags)].sort(compareText);
  const tags = [...new Set(["security", ...extraTags])].slice(0, MAX_TAGS_PER_RULE);
  const helpUri = httpUri(first.helpUri);
  return {
    id: ruleId,
    shortDescription: { text: first.title || ruleId },
    fullDescription: { text: first.message || first.title || ruleId },
    help: { text: text || ruleId, markdown: markdown || ruleId },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[first.severity] },
    properties: { "security-severity": securitySeverity(first), tags },
  };
}

function resultFor(f: EvaluatedFinding, ruleIndex: number, defaultPath: string | undefined): Result {
  const loc = f.location;
  const title = f.title || f.ruleId;
  const result: Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.remediation ? `${title}. ${f.remediation}` : title },
  };
  if (loc?.path) {
    result.locations = [
      physicalLocation(loc.path, loc.startLine, loc.endLine, [loc.startColumn, loc.endColumn]),
    ];
  } else if (defaultPath) {
    result.locations = [physicalLocation(defaultPath)];
  }
  result.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  result.baselineState = f.status === "baseline" ? "unchanged" : "new";
  if (f.status === "ignored") {
    result.suppressions = [{ kind: "external", justification: f.statusReason ?? "ignored by policy" }];
  }
  result.properties = {
    severity: f.severity,
    status: f.status,
    blocking: f.blocking,
    ...(f.score !== undefined ? { score: f.score } : {}),
    ...(f.ids?.length ? { ids: f.ids } : {}),
    ...(f.aliases?.length ? { aliases: f.aliases } : {}),
    ...(f.package ? { package: f.package } : {}),
    ...(f.evidence ? { evidence: f.evidence } : {}),
    ...(f.labels?.length ? { labels: [...f.labels] } : {}),
  };
  return result;
}

function notificationFor(p: ScanProblem): Notification {
  return {
    level: p.level === "notice" ? "note" : p.level,
    message: { text: p.message || "unknown problem" },
    ...(p.path ? { locations: [physicalLocation(p.path, p.line) as SarifLocation] } : {}),
  };
}

/** `maxResults` below MAX_RESULTS_PER_RUN is for fitting the upload size limit. */
export function toSarifRun(
  input: SarifRunInput,
  maxResults = MAX_RESULTS_PER_RUN,
): { run: Run; notices: string[] } {
  const notices: string[] = [];
  let findings = sortForReport(input.gate.findings);
  const cap = Math.min(maxResults, MAX_RESULTS_PER_RUN);
  if (findings.length > cap) {
    const why = cap === MAX_RESULTS_PER_RUN ? "GitHub's per-run limit" : "GitHub's upload size limit";
    notices.push(
      `SARIF for ${input.scan.tool} keeps the ${cap} most severe of ${findings.length} results ` +
        `(${why}); ${findings.length - cap} were left out. The JSON report has all of them.`,
    );
    findings = findings.slice(0, cap);
  }
  const byRule = new Map<string, EvaluatedFinding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const ruleIds = [...byRule.keys()].sort(compareText);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const problems = [...input.scan.problems];
  const run: Run = {
    tool: {
      driver: {
        name: input.scan.tool,
        version: input.scan.toolVersion,
        informationUri: httpUri(input.informationUri) ?? BULWARK_INFORMATION_URI,
        rules: ruleIds.map((id) => ruleFor(id, byRule.get(id)!)),
      },
    },
    automationDetails: { id: `${input.category ?? input.scan.tool}/` },
    invocations: [
      {
        executionSuccessful: !problems.some((p) => p.level === "error"),
        ...(problems.length ? { toolExecutionNotifications: problems.map(notificationFor) } : {}),
      },
    ],
    results: findings.map((f) => resultFor(f, ruleIndex.get(f.ruleId)!, input.defaultPath)),
  };
  return { run, notices };
}

/** The run a finding or problem belongs to: its runKey, else its tool. */
function runOf(item: { runKey?: string; tool: string }): string;
function runOf(item: { runKey?: string; tool?: string }): string | undefined;
function runOf(item: { runKey?: string; tool?: string }): string | undefined {
  return item.runKey ?? item.tool;
}

/**
 * The runs one input becomes: one per tool of `scan.toolRuns` (category `<category>/<tool>`, holding the
 * findings and problems of that tool), then the scan's own run for everything else when there is any.
 * At most `maxRuns`: tools beyond that share the scan's own run, with a notice.
 */
export function splitByTool(
  input: SarifRunInput,
  maxRuns: number = MAX_RUNS_PER_FILE,
): { inputs: SarifRunInput[]; notices: string[] } {
  const declared = input.scan.toolRuns ?? [];
  if (declared.length === 0) return { inputs: [input], notices: [] };
  const category = input.category ?? input.scan.tool;
  const unique = declared.filter((t, i) => declared.findIndex((u) => u.tool === t.tool) === i);
  const all = new Set(unique.map((t) => t.tool));
  const restNeeded =
    input.gate.findings.some((f) => !all.has(runOf(f))) ||
    input.scan.problems.some((p) => runOf(p) === undefined || !all.has(runOf(p)!));
  const fits = unique.length + (restNeeded ? 1 : 0) <= maxRuns;
  const kept = fits ? unique : unique.slice(0, Math.max(0, maxRuns - 1));
  const notices: string[] = [];
  if (kept.length < unique.length) {
    const shared = unique.slice(kept.length).map((t) => t.tool);
    notices.push(
      `SARIF for ${input.scan.tool} has one run per tool for ${kept.length} tools; ${shared.join(", ")} ` +
        `share the ${input.scan.tool} run (GitHub accepts at most ${MAX_RUNS_PER_FILE} runs per file).`,
    );
  }
  const names = new Set(kept.map((t) => t.tool));
  const { toolRuns: _unused, ...scan } = input.scan;
  const perTool: SarifRunInput[] = kept.map((t) => ({
    scan: {
      ...scan,
      tool: t.name ?? t.tool,
      toolVersion: t.version ?? "",
      findings: scan.findings.filter((f) => runOf(f) === t.tool),
      problems: scan.problems.filter((p) => runOf(p) === t.tool),
    },
    gate: { ...input.gate, findings: input.gate.findings.filter((f) => runOf(f) === t.tool) },
    category: `${category}/${t.tool}`,
    ...(input.defaultPath ? { defaultPath: input.defaultPath } : {}),
    ...(t.informationUri ? { informationUri: t.informationUri } : {}),
  }));
  const rest: SarifRunInput = {
    ...input,
    scan: {
      ...scan,
      findings: scan.findings.filter((f) => !names.has(runOf(f))),
      problems: scan.problems.filter((p) => runOf(p) === undefined || !names.has(runOf(p)!)),
    },
    gate: { ...input.gate, findings: input.gate.findings.filter((f) => !names.has(runOf(f))) },
  };
  const keepRest = rest.gate.findings.length > 0 || rest.scan.problems.length > 0 || perTool.length === 0;
  return { inputs: keepRest ? [rest, ...perTool] : perTool, notices };
}

/**
 * A SARIF log with one run per input (e.g. one per analyser), or per tool of an input that lists toolRuns. GitHub rejects two runs with the same tool
 * and category in one upload, and more than 20 runs: both throw, as they are mistakes in the caller.
 */
export interface SarifOptions {
  /** Gzip-compressed size the log must fit in (default: code scanning's upload limit, 10 MiB). */
  maxGzipBytes?: number;
}

export function toSarif(given: readonly SarifRunInput[], options: SarifOptions = {}): SarifOutput {
  const splitNotices: string[] = [];
  const inputs: SarifRunInput[] = [];
  given.forEach((input, i) => {
    // Runs still owed to the inputs after this one, one each, come out of this one's allowance.
    const allowance = MAX_RUNS_PER_FILE - inputs.length - (given.length - i - 1);
    const split = splitByTool(input, Math.max(1, allowance));
    inputs.push(...split.inputs);
    splitNotices.push(...split.notices);
  });
  if (inputs.length > MAX_RUNS_PER_FILE) {
    throw new Error(`A SARIF file may hold at most ${MAX_RUNS_PER_FILE} runs (got ${inputs.length})`);
  }
  const seen = new Set<string>();
  for (const i of inputs) {
    const key = `${i.scan.tool}\0${i.category ?? i.scan.tool}`;
    if (seen.has(key)) {
      throw new Error(
        `Two SARIF runs for tool "${i.scan.tool}" in category "${i.category ?? i.scan.tool}": merge them or give each its own category`,
      );
    }
    seen.add(key);
  }
  const limit = options.maxGzipBytes ?? MAX_SARIF_GZIP_BYTES;
  const caps = inputs.map(() => MAX_RESULTS_PER_RUN);
  for (;;) {
    const runs = inputs.map((input, i) => toSarifRun(input, caps[i]));
    const log: Log = { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: runs.map((r) => r.run) };
    const notices = [...splitNotices, ...runs.flatMap((r) => r.notices)];
    if (gzipSync(JSON.stringify(log)).length <= limit) return { log, notices };
    // Too big: drop the least severe fifth of the largest run's results and measure again.
    const sizes = runs.map((r) => r.run.results?.length ?? 0);
    const largest = sizes.indexOf(Math.max(...sizes));
    if (sizes[largest]! === 0) {
      notices.push(`The SARIF log is over GitHub's upload size limit even without results.`);
      return { log, notices };
    }
    caps[largest] = Math.floor(sizes[largest]! * 0.8);
  }
}

/** The file's text: two-space indented with a final newline, byte-identical for identical input. */
export function formatSarif(log: Log): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
