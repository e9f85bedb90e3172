// The engine's part of the job summary: the upgrades that fix the most findings first, then every
// vulnerable package by severity.
import { escapeMarkdownCell, SEVERITIES, type Finding } from "@bulwark/core";
import { compareVersions } from "@bulwark/osv";
import { SLA_LABEL } from "./sla.js";

export interface SummaryContext {
  unresolved: number;
  osvScannerFiles: readonly string[];
  /** new-only: the base compared with, the head findings already there (fingerprints), the ones gone. */
  base?: { label: string; preexisting: ReadonlySet<string>; fixed: readonly Finding[] };
  /** SLA from the security policy: how many findings are past their time to patch. */
  sla?: { file: string; breached: number; failing: boolean };
  /** The database could not be queried: nothing was checked, which must not read as "no vulnerabilities". */
  databaseFailed?: boolean;
}

export interface Upgrade {
  ecosystem: string;
  name: string;
  /** The lowest version that fixes every fixable finding of the package. */
  to: string;
  fixes: number;
  ids: string[];
}

/** Upgrades by the number of findings they fix (most first), then by package name. */
export function upgrades(findings: readonly Finding[]): Upgrade[] {
  const map = new Map<string, Upgrade>();
  for (const f of findings) {
    const fixed = f.properties?.fixedVersion;
    const p = f.package;
    if (typeof fixed !== "string" || !p) continue;
    const ecosystem = p.ecosystem ?? "";
    const key = `${ecosystem}\u0000${p.name}`;
    const entry = map.get(key) ?? { ecosystem, name: p.name, to: fixed, fixes: 0, ids: [] };
    entry.fixes++;
    if (!entry.ids.includes(f.ruleId)) entry.ids.push(f.ruleId);
    if (entry.to !== fixed && later(ecosystem, fixed, entry.to)) entry.to = fixed;
    map.set(key, entry);
  }
  return [...map.values()].sort((a, b) =>
    b.fixes !== a.fixes ? b.fixes - a.fixes : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

function later(ecosystem: string, a: string, b: string): boolean {
  try {
    return compareVersions(ecosystem, a, b) > 0;
  } catch {
    return false;
  }
}

/** Upgrades listed in the pull request comment; the job summary has them all. */
const COMMENT_UPGRADES = 10;

/** The pull request comment's engine part: the summary shortened to the upgrades, SLA and fixes. */
export function scanComment(findings: readonly Finding[], context: SummaryContext): string {
  const lines: string[] = [];
  const list = upgrades(findings);
  if (list.length > 0) {
    lines.push("**Upgrades**, the one that fixes the most findings first:", "");
    for (const u of list.slice(0, COMMENT_UPGRADES)) {
      lines.push(
        `- Upgrade ${escapeMarkdownCell(u.name)} (${escapeMarkdownCell(u.ecosystem)}) to ${escapeMarkdownCell(u.to)}: fixes ${u.fixes} finding${u.fixes === 1 ? "" : "s"}`,
      );
    }
    if (list.length > COMMENT_UPGRADES)
      lines.push(`- … and ${list.length - COMMENT_UPGRADES} more in the job summary`);
  }
  const notes: string[] = [];
  if (context.sla && context.sla.breached > 0)
    notes.push(
      `${context.sla.breached} past the time to patch in ${escapeMarkdownCell(context.sla.file)} (SLA breached)`,
    );
  if (context.base && context.base.fixed.length > 0)
    notes.push(`${context.base.fixed.length} fixed by this change`);
  if (notes.length > 0)
    lines.push(...(lines.length > 0 ? [""] : []), `Vulnerabilities: ${notes.join("; ")}.`);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

export function scanSummary(findings: readonly Finding[], context: SummaryContext): string {
  const lines: string[] = ["### Dependencies", ""];
  if (context.databaseFailed) {
    lines.push("No package was checked: the vulnerability database could not be reached.");
  } else if (findings.length === 0) {
    lines.push("No known vulnerabilities in the packages checked.");
  } else {
    const list = upgrades(findings);
    if (list.length > 0) {
      lines.push("**Upgrades**, the one that fixes the most findings first:", "");
      for (const u of list) {
        lines.push(
          `- Upgrade ${escapeMarkdownCell(u.name)} (${escapeMarkdownCell(u.ecosystem)}) to ${escapeMarkdownCell(u.to)}: fixes ${u.fixes} finding${u.fixes === 1 ? "" : "s"} (${u.ids.map((id) => escapeMarkdownCell(id)).join(", ")})`,
        );
      }
      lines.push("");
    }
    if (context.sla && context.sla.breached > 0) {
      const n = context.sla.breached;
      lines.push(
        `**SLA breached**: ${n} finding${n === 1 ? " was" : "s were"} published longer ago than ${escapeMarkdownCell(context.sla.file)} allows to patch ${n === 1 ? "its" : "their"} severity${context.sla.failing ? " (fail-on-sla-breach: they fail this check)" : ""}.`,
        "",
      );
    }
    const base = context.base;
    if (base) {
      const already = findings.filter((f) => base.preexisting.has(f.fingerprint)).length;
      lines.push(
        `Compared with the base (${escapeMarkdownCell(base.label)}): ${findings.length - already} introduced by this change, ${already} already there (they do not fail new-only).`,
        "",
      );
    }
    lines.push(
      `| Severity | Package | Version | Vulnerability | Fix | Lockfile | Dependency |${base ? " Change |" : ""}`,
      `| --- | --- | --- | --- | --- | --- | --- |${base ? " --- |" : ""}`,
    );
    for (const f of bySeverity(findings)) {
      const change = base ? ` ${base.preexisting.has(f.fingerprint) ? "already on base" : "new"} |` : "";
      lines.push(`${row(f)}${change}`);
    }
  }
  if (context.base && context.base.fixed.length > 0) {
    lines.push(
      "",
      `**Fixed by this change** (on the base, gone now): ${context.base.fixed.length} finding${context.base.fixed.length === 1 ? "" : "s"}`,
      "",
      "| Severity | Package | Version | Vulnerability | Fix | Lockfile | Dependency |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    );
    for (const f of bySeverity(context.base.fixed)) lines.push(row(f));
  }
  if (context.unresolved > 0) {
    lines.push(
      "",
      `${context.unresolved} package${context.unresolved === 1 ? "" : "s"} could not be checked (no exact version, or no database for the ecosystem); see the problems above.`,
    );
  }
  if (context.osvScannerFiles.length > 0) {
    lines.push(
      "",
      `Ignores read from ${context.osvScannerFiles.map((f) => escapeMarkdownCell(f)).join(", ")}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function bySeverity(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity);
  return [...findings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      cmp(a.package?.name ?? "", b.package?.name ?? "") ||
      cmp(a.package?.version ?? "", b.package?.version ?? "") ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.location?.path ?? "", b.location?.path ?? ""),
  );
}

function row(f: Finding): string {
  const fixed = f.properties?.fixedVersion;
  const where = f.location
    ? `${f.location.path}${f.location.startLine !== undefined ? `:${f.location.startLine}` : ""}`
    : "";
  const ids = [f.ruleId, ...(f.aliases ?? [])].map((id) => escapeMarkdownCell(id)).join(", ");
  const sla = f.labels?.includes(SLA_LABEL) ? ", SLA breached" : "";
  return `| ${f.severity}${f.score !== undefined ? ` (${f.score})` : ""}${sla} | ${escapeMarkdownCell(f.package?.name ?? "")} | ${escapeMarkdownCell(f.package?.version ?? "")} | ${ids} | ${typeof fixed === "string" ? escapeMarkdownCell(fixed) : "No fix available"} | ${escapeMarkdownCell(where)} | ${escapeMarkdownCell(dependencyKind(f))} |`;
}

/** "direct", "via <the direct dependency it comes through>", "transitive", or "" when the lockfile does not say. */
function dependencyKind(f: Finding): string {
  const direct = f.properties?.direct;
  if (direct === true) return "direct";
  if (direct !== false) return "";
  const parents = f.properties?.parents;
  return Array.isArray(parents) && typeof parents[0] === "string" ? `via ${parents[0]}` : "transitive";
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
