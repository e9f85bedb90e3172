// Realistic scan results for reporter tests: several severities, statuses, problems and hostile text.
import type { Finding } from "../finding.js";
import { fingerprint } from "../fingerprint.js";
import { evaluateGate } from "../policy/gate.js";
import type { GateResult, ScanResult } from "../report.js";

export function sampleFinding(overrides: Partial<Finding> & { ruleId: string }): Finding {
  return {
    tool: "osv-scan",
    title: `Vulnerable package (${overrides.ruleId})`,
    message: "A vulnerable version is installed.",
    severity: "high",
    fingerprint: fingerprint("sample", overrides.ruleId, overrides.location?.path),
    ...overrides,
  };
}

export function sampleScan(): ScanResult {
  return {
    tool: "osv-scan",
    toolVersion: "0.1.0",
    findings: [
      sampleFinding({
        ruleId: "GHSA-35jh-r3h4-6jhm",
        title: "lodash: Command Injection | <script>alert(1)</script>\nsecond line",
        severity: "high",
        score: 7.2,
        ids: ["GHSA-35jh-r3h4-6jhm"],
        aliases: ["CVE-2021-23337"],
        location: { path: "package-lock.json", startLine: 120 },
        package: { name: "lodash", version: "4.17.15", ecosystem: "npm" },
        remediation: "Upgrade lodash to 4.17.21",
      }),
      sampleFinding({
        ruleId: "CVE-2021-44228",
        title: "log4j-core: Log4Shell",
        severity: "critical",
        score: 10,
        location: { path: "pom.xml", startLine: 30, endLine: 34 },
      }),
      sampleFinding({
        ruleId: "PYSEC-2020-1",
        severity: "medium",
        location: { path: "requirements.txt", startLine: 3 },
      }),
      sampleFinding({
        ruleId: "PYSEC-2020-2",
        severity: "low",
        location: { path: "dir with space/requirements.txt" },
      }),
      sampleFinding({ ruleId: "MAL-2024-1", severity: "info" }),
    ],
    problems: [{ level: "error", path: "yarn.lock", line: 7, message: "unexpected token" }],
    summaryMarkdown: "### Extra\n\nEngine-specific text.",
  };
}

export function sampleGate(scan: ScanResult = sampleScan()): GateResult {
  return evaluateGate(
    scan,
    {
      failOn: "high",
      ignores: [{ id: "PYSEC-2020-1", reason: "not reachable | trust me" }],
      baseline: new Set(scan.findings.filter((f) => f.ruleId === "PYSEC-2020-2").map((f) => f.fingerprint)),
    },
    new Date("2026-01-01T00:00:00Z"),
  );
}
