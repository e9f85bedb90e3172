import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import type { Ajv as AjvClass } from "ajv";
import { describe, expect, it } from "vitest";
import { sampleFinding, sampleGate, sampleScan } from "../test-support/sample-scan.js";
import { evaluateGate } from "../policy/gate.js";
import { FINGERPRINT_KEY, MAX_RESULTS_PER_RUN, toSarif } from "./sarif.js";

// The official SARIF 2.1.0 (rtm.5) JSON schema, as shipped by Microsoft's @microsoft/jest-sarif.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
// ajv-draft-04 is CommonJS; its class is the default export or its `.default`, depending on the loader.
const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ??
  AjvDraft04) as unknown as typeof AjvClass;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const validate = ajv.compile(schema);

describe("toSarif", () => {
  it("produces a log that validates against the official SARIF 2.1.0 schema", () => {
    const scan = sampleScan();
    const { log } = toSarif([{ scan, gate: sampleGate(scan), category: "osv-scan" }]);
    const valid = validate(JSON.parse(JSON.stringify(log)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("maps severities, statuses, fingerprints and locations", () => {
    const scan = sampleScan();
    const { log } = toSarif([{ scan, gate: sampleGate(scan), category: "osv-scan" }]);
    const run = log.runs[0]!;
    expect(run.automationDetails?.id).toBe("osv-scan/");
    const results = run.results!;
    expect(results.map((r) => r.ruleId)).toEqual([
      "CVE-2021-44228",
      "GHSA-35jh-r3h4-6jhm",
      "PYSEC-2020-1",
      "PYSEC-2020-2",
      "MAL-2024-1",
    ]);
    expect(results[0]!.level).toBe("error");
    expect(results[2]!.level).toBe("warning");
    expect(results[2]!.suppressions).toEqual([
      { kind: "external", justification: "not reachable | trust me" },
    ]);
    expect(results[3]!.baselineState).toBe("unchanged");
    expect(results[3]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(
      "dir%20with%20space/requirements.txt",
    );
    expect(results[0]!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 30, endLine: 34 });
    expect(results[1]!.partialFingerprints![FINGERPRINT_KEY]).toBe(scan.findings[0]!.fingerprint);
    const rule = run.tool.driver.rules!.find((r) => r.id === "GHSA-35jh-r3h4-6jhm")!;
    expect(rule.properties!["security-severity"]).toBe("7.2");
    expect(run.invocations![0]!.executionSuccessful).toBe(false);
    expect(run.invocations![0]!.toolExecutionNotifications![0]!.message.text).toBe("unexpected token");
  });

  it("is deterministic", () => {
    const scan = sampleScan();
    const a = JSON.stringify(toSarif([{ scan, gate: sampleGate(scan) }]).log);
    const reversed = { ...scan, findings: [...scan.findings].reverse() };
    const b = JSON.stringify(toSarif([{ scan: reversed, gate: sampleGate(reversed) }]).log);
    expect(a).toBe(b);
  });

  it("keeps the most severe results within GitHub's per-run limit", () => {
    const findings = Array.from({ length: MAX_RESULTS_PER_RUN + 5 }, (_, i) =>
      sampleFinding({ ruleId: `R${i % 7}`, severity: i < 3 ? "critical" : "low", fingerprint: `fp${i}` }),
    );
    const scan = { tool: "t", toolVersion: "1", findings, problems: [] };
    const gate = evaluateGate(scan, { failOn: "none" }, new Date());
    const { log, notices } = toSarif([{ scan, gate }]);
    expect(log.runs[0]!.results).toHaveLength(MAX_RESULTS_PER_RUN);
    expect(log.runs[0]!.results!.filter((r) => r.properties!.severity === "critical")).toHaveLength(3);
    expect(notices[0]).toContain("25000 most severe");
  });
});
