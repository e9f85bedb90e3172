import { describe, expect, it } from "vitest";
import type { Finding } from "../finding.js";
import type { ScanResult } from "../report.js";
import { ConfigError } from "../config/errors.js";
import { fingerprint } from "../fingerprint.js";
import { evaluateGate, type GatePolicy } from "./gate.js";

const NOW = new Date("2026-03-10T12:00:00Z");

function finding(over: Partial<Finding> & Pick<Finding, "ruleId" | "severity">): Finding {
  return {
    tool: "osv-scan",
    title: `${over.ruleId} in dependency`,
    message: "details",
    fingerprint: fingerprint("osv-scan", over.ruleId, over.package?.name, over.location?.path),
    ...over,
  };
}

const lodash = finding({
  ruleId: "GHSA-35jh-r3h4-6jhm",
  aliases: ["CVE-2021-23337"],
  severity: "high",
  package: { name: "lodash", version: "4.17.20", ecosystem: "npm" },
  location: { path: "web/package-lock.json" },
});
const log4j = finding({
  ruleId: "GHSA-jfh8-c2jp-5v3q",
  aliases: ["CVE-2021-44228"],
  severity: "critical",
  package: { name: "org.apache.logging.log4j:log4j-core", version: "2.14.1", ecosystem: "Maven" },
  location: { path: "services/api/pom.xml" },
});
const minor = finding({
  ruleId: "PYSEC-2023-1",
  severity: "low",
  package: { name: "requests", ecosystem: "PyPI" },
  location: { path: "tools/requirements.txt" },
});

function scan(findings: Finding[], problems: ScanResult["problems"] = []): ScanResult {
  return { tool: "osv-scan", toolVersion: "0.1.0", findings, problems };
}

const base: GatePolicy = { failOn: "high" };

describe("evaluateGate thresholds", () => {
  it("fails on new findings at or above fail-on and marks them blocking", () => {
    const result = evaluateGate(scan([lodash, log4j, minor]), base, NOW);
    expect(result.failed).toBe(true);
    expect(result.failOn).toBe("high");
    expect(result.reasons).toEqual(["2 new findings at or above high (1 critical, 1 high)"]);
    expect(result.findings.map((f) => [f.ruleId, f.status, f.blocking])).toEqual([
      ["GHSA-35jh-r3h4-6jhm", "new", true],
      ["GHSA-jfh8-c2jp-5v3q", "new", true],
      ["PYSEC-2023-1", "new", false],
    ]);
  });

  it("passes when everything is below the threshold and says so", () => {
    const result = evaluateGate(scan([lodash, minor]), { failOn: "critical" }, NOW);
    expect(result.failed).toBe(false);
    expect(result.reasons).toEqual(["No new findings at or above critical (2 below threshold)"]);
  });

  it("never fails on findings with fail-on none", () => {
    const result = evaluateGate(scan([log4j]), { failOn: "none" }, NOW);
    expect(result.failed).toBe(false);
    expect(result.findings[0]?.blocking).toBe(false);
    expect(result.reasons[0]).toBe("fail-on is none: findings do not fail this check (1 new)");
  });

  it("passes an empty scan", () => {
    const result = evaluateGate(scan([]), base, NOW);
    expect(result).toMatchObject({
      failed: false,
      reasons: ["No new findings at or above high"],
      notices: [],
    });
  });
});

describe("evaluateGate ignores", () => {
  it("matches by rule id, alias, package and path glob", () => {
    const policy: GatePolicy = {
      failOn: "low",
      ignores: [
        { id: "cve-2021-23337", reason: "lodash template() is never called with user input" },
        {
          id: "GHSA-jfh8-c2jp-5v3q",
          package: "org.apache.logging.log4j:log4j-core",
          path: "services/**",
          reason: "JNDI lookups disabled",
        },
        { id: "PYSEC-2023-1", path: "src/**", reason: "does not match tools/" },
      ],
    };
    const result = evaluateGate(scan([lodash, log4j, minor]), policy, NOW);
    expect(result.findings.map((f) => [f.status, f.statusReason])).toEqual([
      ["ignored", "lodash template() is never called with user input"],
      ["ignored", "JNDI lookups disabled"],
      ["new", undefined],
    ]);
    expect(result.failed).toBe(true);
    expect(result.reasons).toEqual(["1 new finding at or above low (1 low)"]);
  });

  it("does not match a path glob when the finding has no location, nor a package it lacks", () => {
    const noLoc = finding({ ruleId: "R1", severity: "high" });
    const policy: GatePolicy = {
      failOn: "high",
      ignores: [
        { id: "R1", path: "**", reason: "x" },
        { id: "R1", package: "left-pad", reason: "y" },
      ],
    };
    expect(evaluateGate(scan([noLoc]), policy, NOW).findings[0]?.status).toBe("new");
  });

  it("supports * as any id, scoped by path", () => {
    const fixture = finding({
      ruleId: "secret/aws-access-key",
      severity: "critical",
      location: { path: "test/fixtures/.env" },
    });
    const policy: GatePolicy = {
      failOn: "high",
      ignores: [{ id: "*", path: "test/fixtures/**", reason: "fake test keys" }],
    };
    expect(evaluateGate(scan([fixture]), policy, NOW).findings[0]?.status).toBe("ignored");
  });

  it("stops applying an expired ignore and names it with its expiry date", () => {
    const policy: GatePolicy = {
      failOn: "high",
      ignores: [{ id: "CVE-2021-44228", until: "2026-03-09", reason: "upgrade scheduled" }],
    };
    const result = evaluateGate(scan([log4j]), policy, NOW);
    expect(result.failed).toBe(true);
    expect(result.findings[0]?.status).toBe("new");
    expect(result.notices).toEqual([
      'Ignore "CVE-2021-44228" expired on 2026-03-09 and no longer applies (reason was: upgrade scheduled); ' +
        "1 finding it matched is reported again",
    ]);
  });

  it("does not claim to revive findings another ignore still covers", () => {
    const policy: GatePolicy = {
      failOn: "high",
      ignores: [
        { id: "CVE-2021-44228", until: "2026-01-01", reason: "old" },
        { id: "GHSA-jfh8-c2jp-5v3q", reason: "new" },
      ],
    };
    const result = evaluateGate(scan([log4j]), policy, NOW);
    expect(result.findings[0]).toMatchObject({ status: "ignored", statusReason: "new" });
    expect(result.notices).toEqual([
      'Ignore "CVE-2021-44228" expired on 2026-01-01 and no longer applies (reason was: old)',
    ]);
  });

  it("treats a directory path as covering everything under it", () => {
    const fixture = finding({ ruleId: "R", severity: "high", location: { path: "test/fixtures/keys/.env" } });
    const other = finding({ ruleId: "R", severity: "high", location: { path: "test/fixtures-old/.env" } });
    for (const path of ["test/fixtures", "./test/fixtures/", "test/*"]) {
      const policy: GatePolicy = { failOn: "high", ignores: [{ id: "R", path, reason: "fixtures" }] };
      const result = evaluateGate(scan([fixture, other]), policy, NOW);
      expect(
        result.findings.map((f) => f.status),
        path,
      ).toEqual(path === "test/*" ? ["ignored", "ignored"] : ["ignored", "new"]);
    }
  });

  it("still applies on its until day and warns that it expires soon", () => {
    const policy: GatePolicy = {
      failOn: "high",
      ignores: [{ id: "CVE-2021-44228", until: "2026-03-10", reason: "upgrade scheduled" }],
    };
    const result = evaluateGate(scan([log4j]), policy, NOW);
    expect(result.failed).toBe(false);
    expect(result.findings[0]?.status).toBe("ignored");
    expect(result.notices).toEqual(['Ignore "CVE-2021-44228" expires on 2026-03-10 (1 day left)']);
  });

  it("does not warn about far-off expiry, and can be told not to warn at all", () => {
    const ignores = [{ id: "CVE-2021-44228", until: "2026-03-20", reason: "r" }];
    expect(evaluateGate(scan([log4j]), { failOn: "high", ignores }, NOW).notices).toHaveLength(1);
    expect(
      evaluateGate(scan([log4j]), { failOn: "high", ignores, expiryWarningDays: 0 }, NOW).notices,
    ).toEqual([]);
    const far = [{ id: "CVE-2021-44228", until: "2027-01-01", reason: "r" }];
    expect(evaluateGate(scan([log4j]), { failOn: "high", ignores: far }, NOW).notices).toEqual([]);
  });

  it("reports ignores that matched nothing when asked", () => {
    const policy: GatePolicy = {
      failOn: "high",
      ignores: [{ id: "CVE-1999-0001", reason: "old" }],
      reportUnusedIgnores: true,
    };
    expect(evaluateGate(scan([lodash]), policy, NOW).notices).toEqual([
      'Ignore "CVE-1999-0001" matched no findings; remove it if it is no longer needed',
    ]);
    expect(evaluateGate(scan([lodash]), { ...policy, reportUnusedIgnores: false }, NOW).notices).toEqual([]);
  });

  it("rejects an ignore without a reason as a config error", () => {
    const policy = { failOn: "high", ignores: [{ id: "CVE-2021-44228", reason: " " }] } as GatePolicy;
    expect(() => evaluateGate(scan([log4j]), policy, NOW)).toThrow(ConfigError);
    expect(() => evaluateGate(scan([log4j]), policy, NOW)).toThrow(
      'ignore[0] ("CVE-2021-44228") needs a reason: say why the finding is safe to ignore',
    );
  });

  it("rejects an impossible until date", () => {
    const policy: GatePolicy = { failOn: "high", ignores: [{ id: "X", reason: "r", until: "2026-02-30" }] };
    expect(() => evaluateGate(scan([]), policy, NOW)).toThrow(
      'ignore[0] until must be a date written YYYY-MM-DD (got "2026-02-30")',
    );
  });
});

describe("evaluateGate baseline", () => {
  it("lets baseline findings through and gates only on new ones", () => {
    const policy: GatePolicy = { failOn: "high", baseline: new Set([log4j.fingerprint]) };
    const result = evaluateGate(scan([log4j, minor]), policy, NOW);
    expect(result.failed).toBe(false);
    expect(result.findings.map((f) => [f.status, f.blocking])).toEqual([
      ["baseline", false],
      ["new", false],
    ]);
    expect(result.reasons).toEqual(["No new findings at or above high (1 below threshold, 1 in baseline)"]);

    const withNew = evaluateGate(scan([log4j, lodash]), policy, NOW);
    expect(withNew.failed).toBe(true);
    expect(withNew.reasons).toEqual(["1 new finding at or above high (1 high)"]);
  });

  it("prefers the ignore's reason when a finding is both ignored and in the baseline", () => {
    const policy: GatePolicy = {
      failOn: "high",
      baseline: new Set([lodash.fingerprint]),
      ignores: [{ id: "GHSA-35jh-r3h4-6jhm", reason: "not reachable" }],
    };
    expect(evaluateGate(scan([lodash]), policy, NOW).findings[0]).toMatchObject({
      status: "ignored",
      statusReason: "not reachable",
    });
  });
});

describe("evaluateGate report-only", () => {
  it("never fails and says what would have failed", () => {
    const result = evaluateGate(
      scan([log4j], [{ level: "error", message: "could not parse", path: "poetry.lock", line: 3 }]),
      { failOn: "high", reportOnly: true },
      NOW,
    );
    expect(result.failed).toBe(false);
    expect(result.findings[0]?.blocking).toBe(false);
    expect(result.notices[0]).toBe("report-only is on: this check reports findings but never fails");
    expect(result.reasons).toEqual([
      "Would fail without report-only: 1 new finding at or above high (1 critical)",
      "Would fail without report-only: Failing closed: 1 scan error means parts of the scan did not run (set fail-open to report them as notices instead)",
      "Would fail without report-only: Not checked: poetry.lock:3: could not parse",
    ]);
  });
});

describe("evaluateGate scan problems", () => {
  const problems: ScanResult["problems"] = [
    { level: "error", message: "OSV API unreachable: 4 packages not checked", path: "go.sum" },
    { level: "warning", message: "unknown lockfile format", path: "x.lock" },
  ];

  it("fails closed on error-level problems even with no findings", () => {
    const result = evaluateGate(scan([], problems), base, NOW);
    expect(result.failed).toBe(true);
    expect(result.reasons).toEqual([
      "Failing closed: 1 scan error means parts of the scan did not run (set fail-open to report them as notices instead)",
      "Not checked: go.sum: OSV API unreachable: 4 packages not checked",
    ]);
  });

  it("fails closed even when fail-on is none", () => {
    expect(evaluateGate(scan([], problems), { failOn: "none" }, NOW).failed).toBe(true);
  });

  it("turns errors into notices with fail-open", () => {
    const result = evaluateGate(scan([], problems), { ...base, failOpen: true }, NOW);
    expect(result.failed).toBe(false);
    expect(result.notices).toEqual([
      "fail-open is on: 1 scan error did not fail the check, so parts were not checked",
      "Not checked: go.sum: OSV API unreachable: 4 packages not checked",
    ]);
    expect(result.reasons).toEqual(["No new findings at or above high"]);
  });

  it("still fails on findings with fail-open", () => {
    const result = evaluateGate(scan([lodash], problems), { ...base, failOpen: true }, NOW);
    expect(result.failed).toBe(true);
    expect(result.reasons).toEqual(["1 new finding at or above high (1 high)"]);
  });

  it("ignores warning-level problems for the verdict", () => {
    expect(evaluateGate(scan([], [problems[1]!]), base, NOW).failed).toBe(false);
  });
});

describe("evaluateGate with the engine's own ignores (ScanResult.ignores)", () => {
  it("applies them after the policy's, with the same expiry notices", () => {
    const withIgnores: ScanResult = {
      ...scan([lodash, log4j]),
      ignores: [
        { id: "CVE-2021-23337", path: "web/package-lock.json", reason: "from osv-scanner.toml" },
        { id: "*", package: "org.apache.logging.log4j:log4j-core", reason: "old", until: "2026-01-01" },
      ],
    };
    const gate = evaluateGate(
      withIgnores,
      { failOn: "high", ignores: [{ id: "GHSA-35jh-r3h4-6jhm", reason: "policy says so" }] },
      NOW,
    );
    const byRule = new Map(gate.findings.map((f) => [f.ruleId, f]));
    expect(byRule.get("GHSA-35jh-r3h4-6jhm")).toMatchObject({
      status: "ignored",
      statusReason: "policy says so",
    });
    expect(byRule.get("GHSA-jfh8-c2jp-5v3q")).toMatchObject({ status: "new", blocking: true });
    expect(gate.failed).toBe(true);
    expect(gate.notices.join("\n")).toContain("expired on 2026-01-01");
  });
});

describe("evaluateGate and engine-made rules", () => {
  it("reports findings the scan marks preexisting as baseline with the scan's reason", () => {
    const result = evaluateGate(
      { ...scan([lodash, log4j]), preexisting: { fingerprints: [log4j.fingerprint], reason: "on the base" } },
      base,
      NOW,
    );
    expect(result.findings.map((f) => [f.ruleId, f.status, f.statusReason, f.blocking])).toEqual([
      ["GHSA-35jh-r3h4-6jhm", "new", undefined, true],
      ["GHSA-jfh8-c2jp-5v3q", "baseline", "on the base", false],
    ]);
    expect(result.reasons[0]).toBe("1 new finding at or above high (1 high)");
  });

  it("fails on a finding with a block reason below the threshold, unless ignored or report-only", () => {
    const breached = { ...minor, blockReason: "SLA breached" };
    const result = evaluateGate(scan([breached]), base, NOW);
    expect(result.failed).toBe(true);
    expect(result.findings[0]!.blocking).toBe(true);
    expect(result.reasons).toEqual(["1 new finding fails on its own: SLA breached"]);
    expect(evaluateGate(scan([minor]), base, NOW).failed).toBe(false);
    expect(evaluateGate(scan([breached]), { ...base, reportOnly: true }, NOW).failed).toBe(false);
    const ignores = [{ id: "PYSEC-2023-1", reason: "accepted" }];
    expect(evaluateGate(scan([breached]), { ...base, ignores }, NOW).failed).toBe(false);
  });

  it("matches ignore rules on package version and ecosystem when they name them", () => {
    const rule = { id: "*", package: "lodash", version: "4.17.20", ecosystem: "NPM", reason: "fork" };
    const other = { ...lodash, package: { ...lodash.package!, version: "4.17.19" }, fingerprint: "x" };
    const result = evaluateGate(scan([lodash, other]), { ...base, ignores: [rule] }, NOW);
    expect(result.findings.map((f) => f.status)).toEqual(["ignored", "new"]);
    const pypi = { ...rule, ecosystem: "PyPI" };
    expect(evaluateGate(scan([lodash]), { ...base, ignores: [pypi] }, NOW).findings[0]!.status).toBe("new");
  });
});
