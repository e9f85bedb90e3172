import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import type { Ajv as AjvClass } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import formatsPlugin from "ajv-formats";
import { describe, expect, it } from "vitest";
import { evaluateGate } from "../policy/gate.js";
import {
  FINGERPRINT_KEY,
  formatSarif,
  MAX_RESULTS_PER_RUN,
  pathToSarifUri,
  toSarif,
  type SarifRunInput,
} from "./sarif.js";
import type { ScanResult } from "../report.js";
import { gateFor, manyFindings, NOW, osvScan, sastScans, secretScan } from "./test-support/scans.js";

// The SARIF 2.1.0 JSON schema (rtm.5) as Microsoft ships it in @microsoft/jest-sarif (draft-04).
const require = createRequire(import.meta.url);
const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as object;
// ajv-draft-04 is CommonJS; its class is the default export or its `.default`, depending on the loader.
const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ??
  AjvDraft04) as unknown as typeof AjvClass;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
// ajv-formats is CommonJS too (it checks the schema's "uri" and "date-time" formats).
const addFormats = ((formatsPlugin as unknown as { default?: unknown }).default ??
  formatsPlugin) as unknown as (ajv: AjvClass) => void;
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  validate(JSON.parse(JSON.stringify(log)));
  expect(validate.errors ?? []).toEqual([]);
}

function allInputs(): SarifRunInput[] {
  const osv = osvScan();
  const secrets = secretScan();
  return [
    { scan: osv, gate: gateFor(osv), category: "osv-scan" },
    { scan: secrets, gate: gateFor(secrets), category: "secret-scan", defaultPath: ".gitleaks.toml" },
    ...sastScans().map((scan) => ({ scan, gate: gateFor(scan), category: "sast" })),
  ];
}

describe("toSarif", () => {
  it("validates against the SARIF 2.1.0 schema, one run per scan", () => {
    const { log, notices } = toSarif(allInputs());
    expectValid(log);
    expect(notices).toEqual([]);
    expect(log.runs.map((r) => [r.tool.driver.name, r.automationDetails?.id])).toEqual([
      ["osv-scan", "osv-scan/"],
      ["secret-scan", "secret-scan/"],
      ["bandit", "sast/"],
      ["semgrep", "sast/"],
    ]);
  });

  it("maps severities, statuses, suppressions, fingerprints and locations", () => {
    const osv = osvScan();
    const run = toSarif([{ scan: osv, gate: gateFor(osv), category: "osv-scan" }]).log.runs[0]!;
    const results = run.results!;
    expect(results.map((r) => [r.ruleId, r.level, r.baselineState])).toEqual([
      ["GHSA-jfh8-c2jp-5v3q", "error", "new"],
      ["GHSA-35jh-r3h4-6jhm", "error", "new"],
      ["PYSEC-2021-19", "warning", "new"],
      ["PYSEC-2021-19-low", "note", "unchanged"],
    ]);
    expect(results[2]!.suppressions).toEqual([
      { kind: "external", justification: "not reachable | trust me <b>really</b>" },
    ]);
    expect(results.filter((r) => r.suppressions)).toHaveLength(1);
    const lodash = osv.findings.find((f) => f.ruleId === "GHSA-35jh-r3h4-6jhm")!;
    expect(results[1]!.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: lodash.fingerprint });
    expect(results[1]!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "package-lock.json", uriBaseId: "%SRCROOT%" },
      region: { startLine: lodash.location!.startLine },
    });
    expect(results[3]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      "dir%20with%20space/%231%20requirements.txt",
    );
    expect(results[0]!.message.text).toBe(
      "org.apache.logging.log4j:log4j-core: Remote code injection in Log4j. Upgrade org.apache.logging.log4j:log4j-core to 2.15.0 or later",
    );
  });

  it("carries a finding's labels in its result properties", () => {
    const osv = osvScan();
    const labelled = {
      ...osv,
      findings: osv.findings.map((f, i) => (i === 0 ? { ...f, labels: ["sla-breached"] } : f)),
    };
    const { log } = toSarif([{ scan: labelled, gate: gateFor(labelled), category: "osv-scan" }]);
    expectValid(log);
    const results = log.runs[0]!.results!;
    const first = results.find(
      (r) => r.partialFingerprints?.[FINGERPRINT_KEY] === osv.findings[0]!.fingerprint,
    );
    expect(first!.properties!.labels).toEqual(["sla-breached"]);
    expect(results.filter((r) => r.properties?.labels)).toHaveLength(1);
  });

  it("describes each rule once, with help, remediation, score and tags", () => {
    const osv = osvScan();
    const run = toSarif([{ scan: osv, gate: gateFor(osv) }]).log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((r) => r.id)).toEqual([
      "GHSA-35jh-r3h4-6jhm",
      "GHSA-jfh8-c2jp-5v3q",
      "PYSEC-2021-19",
      "PYSEC-2021-19-low",
    ]);
    for (const r of run.results!) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const log4j = rules[1]!;
    expect(log4j.properties).toEqual({
      "security-severity": "10.0",
      tags: [
        "security",
        "external/cwe/cwe-20",
        "external/cwe/cwe-400",
        "external/cwe/cwe-502",
        "external/cwe/cwe-917",
      ],
    });
    expect(log4j.helpUri).toBe("https://osv.dev/vulnerability/GHSA-jfh8-c2jp-5v3q");
    expect(log4j.help!.markdown).toContain("**Remediation:** Upgrade org.apache.logging.log4j:log4j-core");
    expect(log4j.help!.text).toContain("Remediation: Upgrade");
    expect(log4j.shortDescription!.text).toBe(
      "org.apache.logging.log4j:log4j-core: Remote code injection in Log4j",
    );
    expect(run.tool.driver.version).toBe("0.1.0");
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    // A medium finding without a score gets a score inside GitHub's medium band.
    expect(rules[2]!.properties!["security-severity"]).toBe("5.5");
  });

  it("keeps a score only when it agrees with the finding's severity", () => {
    const scan = manyFindings(2);
    scan.findings[0] = { ...scan.findings[0]!, severity: "medium", score: 9.8 };
    const rules = toSarif([{ scan, gate: evaluateGate(scan, { failOn: "none" }, NOW) }]).log.runs[0]!.tool
      .driver.rules!;
    expect(rules.find((r) => r.id === scan.findings[0]!.ruleId)!.properties!["security-severity"]).toBe(
      "5.5",
    );
  });

  it("reports scan problems as failed invocations with notifications", () => {
    const osv = osvScan();
    const [bandit] = sastScans();
    const { log } = toSarif([
      { scan: osv, gate: gateFor(osv) },
      { scan: bandit!, gate: gateFor(bandit!) },
    ]);
    const [inv] = log.runs[0]!.invocations!;
    expect(inv!.executionSuccessful).toBe(false);
    expect(inv!.toolExecutionNotifications).toEqual([
      {
        level: "error",
        message: { text: "unexpected token <<<<<<< (merge conflict?)" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "yarn.lock", uriBaseId: "%SRCROOT%" },
              region: { startLine: 7 },
            },
          },
        ],
      },
    ]);
    // Warnings are reported but the run still counts as successful.
    expect(log.runs[1]!.invocations![0]!.executionSuccessful).toBe(true);
    expect(log.runs[1]!.invocations![0]!.toolExecutionNotifications![0]!.level).toBe("warning");
  });

  it("points findings without a location at the default path, or omits locations", () => {
    const secrets = secretScan();
    const withDefault = toSarif([{ scan: secrets, gate: gateFor(secrets), defaultPath: ".gitleaks.toml" }]);
    const info = withDefault.log.runs[0]!.results!.find((r) => r.ruleId === "generic-password")!;
    expect(info.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: ".gitleaks.toml", uriBaseId: "%SRCROOT%" } } },
    ]);
    const without = toSarif([{ scan: secrets, gate: gateFor(secrets) }]);
    expect(
      without.log.runs[0]!.results!.find((r) => r.ruleId === "generic-password")!.locations,
    ).toBeUndefined();
    const aws = without.log.runs[0]!.results!.find((r) => r.ruleId === "aws-access-key-id")!;
    expect(aws.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "config/settings%7Cprod.yml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 12, endLine: 12, startColumn: 9, endColumn: 29 },
    });
    expect(aws.properties!.evidence).toBe("AKIA************MPLE");
  });

  it("is deterministic whatever order the engine produced findings in", () => {
    const a = formatSarif(toSarif(allInputs()).log);
    const reversed = allInputs().map((i) => {
      const scan = { ...i.scan, findings: [...i.scan.findings].reverse() };
      return { ...i, scan, gate: gateFor(scan) };
    });
    expect(formatSarif(toSarif(reversed).log)).toBe(a);
    expect(a.endsWith("}\n")).toBe(true);
  });

  it("keeps the most severe results within GitHub's per-run limit and says so", () => {
    const scan = manyFindings(MAX_RESULTS_PER_RUN + 1000);
    const gate = evaluateGate(scan, { failOn: "none" }, NOW);
    const { log, notices } = toSarif([{ scan, gate }]);
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(MAX_RESULTS_PER_RUN);
    // 26,000 findings over five severities: 5,200 each; the 1,000 dropped are all info.
    expect(results.filter((r) => r.properties!.severity === "critical")).toHaveLength(5200);
    expect(results.filter((r) => r.properties!.severity === "info")).toHaveLength(4200);
    expect(notices).toEqual([
      "SARIF for bulk keeps the 25000 most severe of 26000 results (GitHub's per-run limit); 1000 were left out. The JSON report has all of them.",
    ]);
    expectValid(log);
  });

  it("drops the least severe results until the log fits the upload size limit", () => {
    const scan = manyFindings(3000);
    const gate = evaluateGate(scan, { failOn: "none" }, NOW);
    const { log, notices } = toSarif([{ scan, gate }], { maxGzipBytes: 40_000 });
    expect(gzipSync(JSON.stringify(log)).length).toBeLessThanOrEqual(40_000);
    const results = log.runs[0]!.results!;
    expect(results.length).toBeLessThan(3000);
    expect(results.length).toBeGreaterThan(100);
    expect(results.at(-1)!.properties!.severity).not.toBe("critical");
    expect(results.filter((r) => r.properties!.severity === "critical")).toHaveLength(600);
    expect(notices).toEqual([
      `SARIF for bulk keeps the ${results.length} most severe of 3000 results (GitHub's upload size limit); ${3000 - results.length} were left out. The JSON report has all of them.`,
    ]);
    expect(log.runs[0]!.tool.driver.rules!.length).toBeLessThanOrEqual(97);
    expectValid(log);
  });

  it("refuses runs GitHub would reject", () => {
    const [bandit] = sastScans();
    const input = { scan: bandit!, gate: gateFor(bandit!), category: "sast" };
    expect(() => toSarif([input, input])).toThrow(/Two SARIF runs for tool "bandit" in category "sast"/);
    expect(() => toSarif(Array.from({ length: 21 }, (_, i) => ({ ...input, category: `c${i}` })))).toThrow(
      /at most 20 runs/,
    );
  });
});

describe("toSarif with runs keyed by runKey (one run per image)", () => {
  it("splits findings and problems by runKey, names every run's driver after the scanner", () => {
    const [bandit] = sastScans();
    const base = bandit!.findings[0]!;
    const scan: ScanResult = {
      tool: "container-scan",
      toolVersion: "0.1.0",
      findings: [
        { ...base, tool: "container-scan", runKey: "debian:11", fingerprint: "a" },
        { ...base, tool: "container-scan", runKey: "debian:11", fingerprint: "b" },
        { ...base, tool: "container-scan", runKey: "alpine:3.20", fingerprint: "c" },
      ],
      problems: [
        { level: "warning", message: "layer 2 skipped", runKey: "alpine:3.20" },
        { level: "error", message: "nginx:1 could not be pulled" },
      ],
      toolRuns: [
        { tool: "debian:11", name: "container-scan", version: "0.1.0" },
        { tool: "alpine:3.20", name: "container-scan", version: "0.1.0" },
        { tool: "busybox:1", name: "container-scan", version: "0.1.0" },
      ],
    };
    const { log } = toSarif([{ scan, gate: gateFor(scan), category: "container-scan" }]);
    expectValid(log);
    expect(log.runs.map((r) => [r.tool.driver.name, r.automationDetails?.id, r.results!.length])).toEqual([
      ["container-scan", "container-scan/", 0],
      ["container-scan", "container-scan/debian:11/", 2],
      ["container-scan", "container-scan/alpine:3.20/", 1],
      ["container-scan", "container-scan/busybox:1/", 0],
    ]);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([
      "nginx:1 could not be pulled",
    ]);
    expect(log.runs[2]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([
      "layer 2 skipped",
    ]);
  });
});

describe("toSarif with a scan that wraps several tools (toolRuns)", () => {
  /** The sast fixtures as one wrapper scan: both tools' findings, plus one imported and one failed tool. */
  function wrapperScan(): ScanResult {
    const [bandit, semgrep] = sastScans();
    return {
      tool: "sast",
      toolVersion: "0.1.0",
      findings: [
        ...bandit!.findings,
        ...semgrep!.findings,
        { ...semgrep!.findings[0]!, tool: "codeql", fingerprint: "codeql-1" },
      ],
      problems: [
        { ...bandit!.problems[0]!, tool: "bandit" },
        { level: "error", message: "cppcheck timed out", tool: "cppcheck" },
      ],
      toolRuns: [
        { tool: "bandit", version: "1.8.0", informationUri: "https://bandit.readthedocs.io/" },
        { tool: "semgrep", version: "1.100.0" },
      ],
    };
  }

  it("writes one run per tool with its own category; the rest and untagged or failed tools' problems stay in the scan's run", () => {
    const scan = wrapperScan();
    const { log, notices } = toSarif([{ scan, gate: gateFor(scan), category: "sast" }]);
    expectValid(log);
    expect(notices).toEqual([]);
    expect(
      log.runs.map((r) => [
        r.tool.driver.name,
        r.tool.driver.version,
        r.automationDetails?.id,
        r.results!.length,
        r.invocations![0]!.executionSuccessful,
      ]),
    ).toEqual([
      ["sast", "0.1.0", "sast/", 1, false],
      ["bandit", "1.8.0", "sast/bandit/", 2, true],
      ["semgrep", "1.100.0", "sast/semgrep/", 1, true],
    ]);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([
      "cppcheck timed out",
    ]);
    expect(log.runs[1]!.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([
      "syntax error: skipped",
    ]);
    expect(log.runs[1]!.tool.driver.informationUri).toBe("https://bandit.readthedocs.io/");
    expect(log.runs[1]!.tool.driver.rules!.map((r) => r.id)).toEqual(["B602"]);
    for (const run of log.runs) {
      for (const r of run.results!) expect(r.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/\S/);
    }
  });

  it("leaves the scan's own run out when every finding and problem belongs to a tool run", () => {
    const scan = wrapperScan();
    scan.findings = scan.findings.filter((f) => f.tool !== "codeql");
    scan.problems = scan.problems.filter((p) => p.tool === "bandit");
    const { log } = toSarif([{ scan, gate: gateFor(scan), category: "sast" }]);
    expect(log.runs.map((r) => r.automationDetails?.id)).toEqual(["sast/bandit/", "sast/semgrep/"]);
  });

  it("keeps within 20 runs per file: tools beyond that share the scan's run, with a notice", () => {
    const [bandit] = sastScans();
    const tools = Array.from({ length: 22 }, (_, i) => `tool${String(i).padStart(2, "0")}`);
    const scan: ScanResult = {
      tool: "sast",
      toolVersion: "0.1.0",
      findings: tools.map((tool) => ({ ...bandit!.findings[0]!, tool, fingerprint: `fp-${tool}` })),
      problems: [],
      toolRuns: tools.map((tool) => ({ tool })),
    };
    const other = osvScan();
    const { log, notices } = toSarif([
      { scan, gate: gateFor(scan), category: "sast" },
      { scan: other, gate: gateFor(other), category: "osv-scan" },
    ]);
    expect(log.runs).toHaveLength(20);
    expect(log.runs[0]!.automationDetails?.id).toBe("sast/");
    expect(log.runs[0]!.results).toHaveLength(4);
    expect(log.runs[19]!.automationDetails?.id).toBe("osv-scan/");
    expect(notices).toEqual([
      "SARIF for sast has one run per tool for 18 tools; tool18, tool19, tool20, tool21 share the sast run (GitHub accepts at most 20 runs per file).",
    ]);
    expectValid(log);
  });

  it("caps each tool's run at GitHub's per-run limit on its own, keeping the most severe", () => {
    const bulk = manyFindings(MAX_RESULTS_PER_RUN + 10);
    const small = sastScans()[0]!;
    const scan: ScanResult = {
      ...bulk,
      tool: "sast",
      findings: [...bulk.findings, ...small.findings],
      toolRuns: [{ tool: bulk.findings[0]!.tool }, { tool: "bandit" }],
    };
    const gate = evaluateGate(scan, { failOn: "none" }, NOW);
    const { log, notices } = toSarif([{ scan, gate, category: "sast" }]);
    expect(log.runs.map((r) => r.results!.length)).toEqual([MAX_RESULTS_PER_RUN, 2]);
    expect(log.runs[0]!.results!.filter((r) => r.properties!.severity === "info")).toHaveLength(5002 - 10);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^SARIF for \S+ keeps the 25000 most severe of 25010 results/);
  });
});

describe("pathToSarifUri", () => {
  it("encodes each segment of relative paths and makes absolute ones file URIs", () => {
    expect(pathToSarifUri("./a b/c#d?.txt")).toEqual({ uri: "a%20b/c%23d%3F.txt", uriBaseId: "%SRCROOT%" });
    expect(pathToSarifUri("src\\win\\x.cs")).toEqual({ uri: "src/win/x.cs", uriBaseId: "%SRCROOT%" });
    expect(pathToSarifUri("/tmp/x y")).toEqual({ uri: "file:///tmp/x%20y" });
    expect(pathToSarifUri("C:\\repo\\a.txt")).toEqual({ uri: "file:///C:/repo/a.txt" });
  });
});
