// Realistic scans for reporter tests: findings built from real OSV records and real lockfiles in
// ../shared, several tools, every status, a scan problem, and hostile text from "scanned repositories".
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Finding, Severity } from "../../finding.js";
import { fingerprint } from "../../fingerprint.js";
import { evaluateGate, type GatePolicy } from "../../policy/gate.js";
import type { GateResult, ScanResult } from "../../report.js";

export const SHARED = fileURLToPath(new URL("../../../../../../shared/", import.meta.url));
export const NOW = new Date("2026-01-01T00:00:00Z");

interface OsvRecord {
  id: string;
  summary?: string;
  details?: string;
  aliases?: string[];
  affected?: {
    package?: { name: string; ecosystem: string };
    ranges?: { type: string; events: Record<string, string>[] }[];
  }[];
  database_specific?: { severity?: string; cwe_ids?: string[] };
}

/** One record from a per-ecosystem OSV export zip in ../shared. */
export function osvRecord(ecosystem: string, id: string): OsvRecord {
  const text = execFileSync("unzip", ["-p", `${SHARED}osv-db/${ecosystem}/all.zip`, `${id}.json`], {
    encoding: "utf8",
  });
  return JSON.parse(text) as OsvRecord;
}

/** The 1-based line of the first occurrence of `needle` in a real lockfile from ../shared. */
export function lineOf(lockfile: string, needle: string): number {
  const lines = readFileSync(`${SHARED}lockfiles/${lockfile}`, "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${lockfile}`);
  return i + 1;
}

function osvFinding(
  ecosystem: string,
  id: string,
  path: string,
  line: number,
  version: string,
  severity: Severity,
  score?: number,
): Finding {
  const rec = osvRecord(ecosystem, id);
  const pkg = rec.affected![0]!.package!;
  const fixed = rec
    .affected![0]!.ranges?.filter((r) => r.type !== "GIT")
    .flatMap((r) => r.events)
    .find((e) => e.fixed)?.fixed;
  return {
    tool: "osv-scan",
    ruleId: rec.id,
    title: `${pkg.name}: ${rec.summary ?? rec.id}`,
    message: rec.details ?? rec.summary ?? rec.id,
    severity,
    ...(score !== undefined ? { score } : {}),
    location: { path, startLine: line },
    fingerprint: fingerprint("osv-scan", rec.id, pkg.ecosystem, pkg.name, path),
    ids: [rec.id],
    aliases: [...(rec.aliases ?? []), ...(rec.database_specific?.cwe_ids ?? [])],
    package: { name: pkg.name, version, ecosystem: pkg.ecosystem },
    ...(fixed ? { remediation: `Upgrade ${pkg.name} to ${fixed} or later` } : {}),
    helpUri: `https://osv.dev/vulnerability/${rec.id}`,
  };
}

/** osv-scan over real lockfiles: a critical, a high, a medium (to be ignored), a low (in baseline). */
export function osvScan(): ScanResult {
  const npmLock = "npm-package-lock/actions__toolkit__package-lock.json";
  const pom = "maven-pom/spring-projects__spring-petclinic__pom.xml";
  const reqs = "requirements-txt/DefectDojo__django-DefectDojo__requirements.txt";
  const log4j = osvFinding("Maven", "GHSA-jfh8-c2jp-5v3q", "pom.xml", 30, "2.14.1", "critical", 10);
  log4j.location = {
    path: "pom.xml",
    startLine: lineOf(pom, "<dependencies>"),
    endLine: lineOf(pom, "</dependencies>"),
  };
  return {
    tool: "osv-scan",
    toolVersion: "0.1.0",
    findings: [
      osvFinding(
        "npm",
        "GHSA-35jh-r3h4-6jhm",
        "package-lock.json",
        lineOf(npmLock, '"node_modules/lodash"'),
        "4.17.15",
        "high",
        7.2,
      ),
      log4j,
      osvFinding("PyPI", "PYSEC-2021-19", "requirements.txt", lineOf(reqs, "lxml"), "4.6.2", "medium"),
      {
        ...osvFinding("PyPI", "PYSEC-2021-19", "dir with space/#1 requirements.txt", 3, "4.6.2", "low"),
        ruleId: "PYSEC-2021-19-low",
      },
    ],
    problems: [
      { level: "error", path: "yarn.lock", line: 7, message: "unexpected token <<<<<<< (merge conflict?)" },
    ],
    summaryMarkdown:
      "### Packages\n\n| ecosystem | packages |\n| --- | ---: |\n| npm | 412 |\n| Maven | 37 |",
    stats: { packages: 449, lockfiles: 3 },
  };
}

/** A secret-scan with hostile text: table breakers, HTML, newlines, mentions, bidi overrides. */
export function secretScan(): ScanResult {
  const hostile = "AWS key | in `config` <script>alert(1)</script>\nsecond line @octocat \u202Egnp.exe";
  return {
    tool: "secret-scan",
    toolVersion: "0.1.0",
    findings: [
      {
        tool: "secret-scan",
        ruleId: "aws-access-key-id",
        title: hostile,
        message: "An AWS access key id is committed.\n\n<img src=x onerror=alert(1)>",
        severity: "critical",
        location: {
          path: "config/settings|prod.yml",
          startLine: 12,
          endLine: 12,
          startColumn: 9,
          endColumn: 29,
        },
        fingerprint: fingerprint(
          "secret-scan",
          "aws-access-key-id",
          "config/settings|prod.yml",
          "AKIA****MPLE",
        ),
        evidence: "AKIA************MPLE",
        remediation: "Revoke the key | rotate it, then remove it from history",
      },
      {
        tool: "secret-scan",
        ruleId: "generic-password",
        title: "Password in test fixture",
        message: "A password literal.",
        severity: "info",
        fingerprint: fingerprint("secret-scan", "generic-password", "repo"),
      },
    ],
    problems: [],
  };
}

/** Two SAST analysers, one ScanResult each (one SARIF run per analyser). */
export function sastScans(): ScanResult[] {
  const finding = (
    tool: string,
    ruleId: string,
    severity: Severity,
    path: string,
    line: number,
  ): Finding => ({
    tool,
    ruleId,
    title: `${ruleId}: subprocess call with shell=True`,
    message: "Running a shell with untrusted input allows command injection.",
    severity,
    location: { path, startLine: line },
    fingerprint: fingerprint(tool, ruleId, path, "subprocess.call"),
    ids: ["CWE-78"],
    properties: { tags: ["python"], cwe: ["CWE-78"] },
  });
  return [
    {
      tool: "bandit",
      toolVersion: "1.8.0",
      findings: [
        finding("bandit", "B602", "high", "app/run.py", 14),
        finding("bandit", "B602", "high", "app/jobs.py", 3),
      ],
      problems: [{ level: "warning", path: "app/legacy.py", message: "syntax error: skipped" }],
    },
    {
      tool: "semgrep",
      toolVersion: "1.100.0",
      findings: [
        finding("semgrep", "python.lang.security.subprocess-shell-true", "medium", "app/run.py", 14),
      ],
      problems: [],
    },
  ];
}

export const OSV_POLICY: GatePolicy = {
  failOn: "high",
  ignores: [
    { id: "PYSEC-2021-19", path: "requirements.txt", reason: "not reachable | trust me <b>really</b>" },
  ],
};

export function gateFor(
  scan: ScanResult,
  policy: GatePolicy = OSV_POLICY,
  baseline: string[] = [],
): GateResult {
  const fromRule = scan.findings.filter((f) => f.ruleId.endsWith("-low")).map((f) => f.fingerprint);
  return evaluateGate(scan, { ...policy, baseline: new Set([...baseline, ...fromRule]) }, NOW);
}

/** `count` generated findings across every severity, for size-limit tests. */
export function manyFindings(
  count: number,
  title = (i: number) => `Finding ${i} ${"x".repeat(150)}`,
): ScanResult {
  const sev: Severity[] = ["critical", "high", "medium", "low", "info"];
  return {
    tool: "bulk",
    toolVersion: "1",
    findings: Array.from({ length: count }, (_, i) => ({
      tool: "bulk",
      ruleId: `RULE-${i % 97}`,
      title: title(i),
      message: "generated",
      severity: sev[i % 5]!,
      location: { path: `src/file-${i % 300}.ts`, startLine: (i % 500) + 1 },
      fingerprint: fingerprint("bulk", i),
      remediation: "Fix it",
    })),
    problems: [],
  };
}
