import { describe, expect, it } from "vitest";
import { importSarif, SarifReadError } from "./sarif-import.js";

describe("importSarif", () => {
  it("reads rules, CWE tags, security-severity, file URIs, and drops results the tool suppressed", () => {
    const log = {
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "Semgrep OSS",
              version: "1.2.3",
              rules: [
                {
                  id: "python.sqli",
                  helpUri: "https://semgrep.dev/r/python.sqli",
                  properties: { tags: ["CWE-89: SQL Injection"], "security-severity": "9.1" },
                },
              ],
            },
          },
          results: [
            {
              ruleId: "python.sqli",
              ruleIndex: 0,
              message: { text: "SQL built from input" },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: "file:///repo/app/db.py" },
                    region: { startLine: 4, startColumn: 2 },
                  },
                },
              ],
            },
            {
              ruleId: "python.sqli",
              message: { text: "suppressed" },
              suppressions: [{ kind: "inSource" }],
              locations: [
                { physicalLocation: { artifactLocation: { uri: "app/db.py" }, region: { startLine: 9 } } },
              ],
            },
          ],
        },
      ],
    };
    const [run] = importSarif(log, { root: "/repo" });
    expect(run).toEqual({
      tool: "semgrep oss",
      version: "1.2.3",
      findings: [
        {
          tool: "semgrep oss",
          ruleId: "python.sqli",
          title: "SQL built from input",
          message: "SQL built from input",
          severity: "critical",
          path: "app/db.py",
          line: 4,
          column: 2,
          cwes: ["CWE-89"],
          helpUri: "https://semgrep.dev/r/python.sqli",
        },
      ],
    });
  });

  it("refuses what is not a SARIF log", () => {
    expect(() => importSarif({ version: "2.1.0" }, { root: "/" })).toThrow(SarifReadError);
  });
});
