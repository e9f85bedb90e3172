// SARIF 2.1.0: one run per scan, rules per rule id, results with stable partial fingerprints.
import type { Log, ReportingDescriptor, Result, Run } from "sarif";
import type { EvaluatedFinding, GateResult, ScanResult } from "../report.js";
import type { Severity } from "../finding.js";
import { sortForReport } from "./order.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
/** GitHub code scanning rejects runs with more results than this. */
export const MAX_RESULTS_PER_RUN = 25_000;
export const FINGERPRINT_KEY = "bulwarkFingerprint/v1";

export interface SarifRunInput {
  scan: ScanResult;
  gate: GateResult;
  /** Keeps code-scanning uploads of different actions apart; defaults to the tool name. */
  category?: string;
}

const LEVEL: Record<Severity, Result.level> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** GitHub maps security-severity to its own labels by these boundaries. */
const DEFAULT_SCORE: Record<Severity, number> = {
  critical: 9.5,
  high: 8.0,
  medium: 5.5,
  low: 2.0,
  info: 0.0,
};

function ruleFor(finding: EvaluatedFinding): ReportingDescriptor {
  const help = [
    finding.message,
    finding.remediation ? `\n\n**Remediation:** ${finding.remediation}` : "",
  ].join("");
  const tags = ["security", ...((finding.properties?.tags as string[] | undefined) ?? [])];
  return {
    id: finding.ruleId,
    name: finding.ruleId.replace(/[^A-Za-z0-9]+/g, " ").trim(),
    shortDescription: { text: finding.title },
    fullDescription: { text: finding.message },
    help: { text: help, markdown: help },
    ...(finding.helpUri ? { helpUri: finding.helpUri } : {}),
    defaultConfiguration: { level: LEVEL[finding.severity] },
    properties: {
      "security-severity": (finding.score ?? DEFAULT_SCORE[finding.severity]).toFixed(1),
      tags: [...new Set(tags)].sort(),
    },
  };
}

function resultFor(finding: EvaluatedFinding, ruleIndex: number): Result {
  const loc = finding.location;
  const result: Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.remediation ? `${finding.title}. ${finding.remediation}` : finding.title },
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    baselineState: finding.status === "baseline" ? "unchanged" : "new",
    properties: {
      severity: finding.severity,
      ...(finding.score !== undefined ? { score: finding.score } : {}),
      ...(finding.ids?.length ? { ids: finding.ids } : {}),
      ...(finding.aliases?.length ? { aliases: finding.aliases } : {}),
      ...(finding.package ? { package: finding.package } : {}),
      ...(finding.evidence ? { evidence: finding.evidence } : {}),
    },
  };
  if (loc) {
    result.locations = [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(loc.path), uriBaseId: "%SRCROOT%" },
          ...(loc.startLine
            ? {
                region: {
                  startLine: loc.startLine,
                  ...(loc.endLine && loc.endLine >= loc.startLine ? { endLine: loc.endLine } : {}),
                  ...(loc.startColumn ? { startColumn: loc.startColumn } : {}),
                  ...(loc.endColumn ? { endColumn: loc.endColumn } : {}),
                },
              }
            : {}),
        },
      },
    ];
  }
  if (finding.status === "ignored") {
    result.suppressions = [{ kind: "external", justification: finding.statusReason ?? "ignored by policy" }];
  }
  return result;
}

export function toSarifRun(input: SarifRunInput): { run: Run; notices: string[] } {
  const notices: string[] = [];
  let findings = sortForReport(input.gate.findings);
  if (findings.length > MAX_RESULTS_PER_RUN) {
    notices.push(
      `SARIF for ${input.scan.tool} keeps the ${MAX_RESULTS_PER_RUN} most severe of ${findings.length} results (GitHub's per-run limit).`,
    );
    findings = findings.slice(0, MAX_RESULTS_PER_RUN);
  }
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => ruleFor(findings.find((f) => f.ruleId === id)!));
  const errors = input.scan.problems.filter((p) => p.level === "error");
  const run: Run = {
    tool: {
      driver: {
        name: input.scan.tool,
        version: input.scan.toolVersion,
        informationUri: "https://github.com/bulwark-security/bulwark",
        rules,
      },
    },
    automationDetails: { id: `${input.category ?? input.scan.tool}/` },
    invocations: [
      {
        executionSuccessful: errors.length === 0,
        toolExecutionNotifications: input.scan.problems.map((p) => ({
          level: p.level === "notice" ? "note" : p.level,
          message: { text: p.message },
          ...(p.path
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: encodeURI(p.path), uriBaseId: "%SRCROOT%" },
                      ...(p.line ? { region: { startLine: p.line } } : {}),
                    },
                  },
                ],
              }
            : {}),
        })),
      },
    ],
    results: findings.map((f) => resultFor(f, ruleIndex.get(f.ruleId)!)),
  };
  return { run, notices };
}

export function toSarif(inputs: readonly SarifRunInput[]): { log: Log; notices: string[] } {
  const runs = inputs.map(toSarifRun);
  return {
    log: { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: runs.map((r) => r.run) },
    notices: runs.flatMap((r) => r.notices),
  };
}
