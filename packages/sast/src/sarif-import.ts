// Results from a SARIF 2.1.0 log (Flawfinder, gosec, Semgrep, or a file another step wrote) as raw findings.
import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { severityFromCvss, type Severity } from "@bulwark/core";
import type { RawFinding } from "./analyser.js";
import { cwesIn } from "./cwe.js";

interface SarifRule {
  id: string;
  name?: string;
  shortDescription?: { text?: string };
  fullDescription?: { text?: string };
  help?: { text?: string };
  helpUri?: string;
  defaultConfiguration?: { level?: string };
  relationships?: { target?: { id?: string; toolComponent?: { name?: string } } }[];
  properties?: { tags?: string[]; "security-severity"?: string; [k: string]: unknown };
}

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  rule?: { id?: string; index?: number };
  level?: string;
  rank?: number;
  message?: { text?: string; markdown?: string };
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string };
      region?: { startLine?: number; endLine?: number; startColumn?: number; endColumn?: number };
    };
  }[];
  suppressions?: unknown[];
  properties?: Record<string, unknown>;
}

interface SarifRun {
  tool?: { driver?: { name?: string; version?: string; semanticVersion?: string; rules?: SarifRule[] } };
  results?: SarifResult[];
}

export class SarifReadError extends Error {}

const LEVELS: Record<string, Severity> = { error: "high", warning: "medium", note: "low", none: "info" };

export interface SarifImportOptions {
  root: string;
  /** The `tool` of every finding; default: the run's driver name, lower-cased. */
  tool?: string;
  severity?: (result: SarifResult, rule: SarifRule | undefined) => Severity | undefined;
}

function relativePath(uri: string, root: string): string {
  let path = uri;
  if (/^file:/i.test(uri)) path = fileURLToPath(uri);
  else path = decodeURIComponent(uri);
  if (isAbsolute(path)) path = relative(root, path);
  return path.replace(/\\/g, "/").replace(/^\.\//, "");
}

function ruleCwes(rule: SarifRule | undefined): string[] {
  if (!rule) return [];
  const found = new Set<string>();
  for (const rel of rule.relationships ?? []) {
    const id = rel.target?.id;
    if (!id) continue;
    // gosec names the taxonomy instead: { id: "78", toolComponent: { name: "CWE" } }.
    if (/^\d+$/.test(id) && rel.target?.toolComponent?.name?.toUpperCase() === "CWE")
      found.add(`CWE-${Number(id)}`);
    else for (const c of cwesIn(id.toUpperCase())) found.add(c);
  }
  for (const tag of rule.properties?.tags ?? []) {
    const m = /^external\/cwe\/cwe-(\d+)$/i.exec(tag) ?? /^CWE-(\d+)\b/i.exec(tag);
    if (m) found.add(`CWE-${Number(m[1])}`);
  }
  return [...found];
}

/** Reads every run of a SARIF log; throws SarifReadError when it is not one. */
export function importSarif(
  log: unknown,
  options: SarifImportOptions,
): { tool: string; version?: string; findings: RawFinding[] }[] {
  const runs = (log as { runs?: unknown })?.runs;
  if (typeof log !== "object" || log === null || !Array.isArray(runs)) {
    throw new SarifReadError("not a SARIF log (no runs array)");
  }
  return (runs as SarifRun[]).map((run) => {
    const driver = run.tool?.driver;
    const tool = options.tool ?? (driver?.name ?? "sarif").toLowerCase();
    const rules = driver?.rules ?? [];
    const byId = new Map(rules.map((r) => [r.id, r]));
    const findings: RawFinding[] = [];
    for (const result of run.results ?? []) {
      // Results the producing tool already suppressed (inline comments) stay suppressed.
      if (result.suppressions && result.suppressions.length > 0) continue;
      const index = result.ruleIndex ?? result.rule?.index;
      const rule =
        (index !== undefined ? rules[index] : undefined) ?? byId.get(result.ruleId ?? result.rule?.id ?? "");
      const ruleId = result.ruleId ?? result.rule?.id ?? rule?.id ?? "unknown";
      const text = result.message?.text ?? result.message?.markdown ?? rule?.shortDescription?.text ?? ruleId;
      const physical = result.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri;
      if (!uri) continue;
      const region = physical?.region ?? {};
      const securitySeverity = Number(rule?.properties?.["security-severity"]);
      const level = result.level ?? rule?.defaultConfiguration?.level ?? "warning";
      const severity =
        options.severity?.(result, rule) ??
        (Number.isFinite(securitySeverity)
          ? severityFromCvss(securitySeverity)
          : (LEVELS[level] ?? "medium"));
      const cwes = [...new Set([...ruleCwes(rule), ...cwesIn(text)])];
      const title = text.split("\n", 1)[0]!;
      findings.push({
        tool,
        ruleId,
        title: title.length > 200 ? `${title.slice(0, 197)}...` : title,
        message: text,
        severity,
        path: relativePath(uri, options.root),
        ...(region.startLine ? { line: region.startLine } : {}),
        ...(region.endLine && region.startLine && region.endLine > region.startLine
          ? { endLine: region.endLine }
          : {}),
        ...(region.startColumn ? { column: region.startColumn } : {}),
        ...(region.endColumn && !(region.endLine && region.endLine !== region.startLine)
          ? { endColumn: region.endColumn }
          : {}),
        ...(cwes.length > 0 ? { cwes } : {}),
        ...(rule?.helpUri ? { helpUri: rule.helpUri } : {}),
        ...(rule?.help?.text ? { remediation: rule.help.text } : {}),
        ...(rule?.name ? { properties: { rule: rule.name } } : {}),
      });
    }
    const version = driver?.version ?? driver?.semanticVersion;
    return { tool, ...(version ? { version } : {}), findings };
  });
}
