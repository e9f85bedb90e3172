import { describe, expect, it } from "vitest";
import { parsePolicy } from "./parse-policy.js";

describe("parsePolicy", () => {
  it("reads tables with extra columns, markers of every kind and a private reporting link", () => {
    const policy = parsePolicy(
      [
        "# Security",
        "",
        "## Supported Versions",
        "",
        "| Release | Status | End of support |",
        "|---|---|---|",
        "| 3.x | ✅ Active | 2027-06-30 |",
        "| 2.4.x | Security fixes only | 2026-01-31 |",
        "| <= 2.3 | ❌ EOL | 2024-12-31 |",
        "| main | :white_check_mark: | |",
        "",
        "## Reporting",
        "",
        "Use [private vulnerability reporting](https://github.com/octo/app/security/advisories/new).",
      ].join("\n"),
    );
    expect(policy.supportTable?.line).toBe(5);
    expect(
      policy.supportTable?.rows.map((r) => [
        r.line,
        r.versionText,
        r.status,
        r.spec.kind,
        r.extra["End of support"],
      ]),
    ).toEqual([
      [7, "3.x", "supported", "range", "2027-06-30"],
      [8, "2.4.x", "supported", "range", "2026-01-31"],
      [9, "<= 2.3", "unsupported", "range", "2024-12-31"],
      [10, "main", "supported", "latest", undefined],
    ]);
    expect(policy.reportingChannels).toEqual([
      {
        kind: "private-advisory",
        value: "https://github.com/octo/app/security/advisories/new",
        line: 14,
        placeholder: false,
      },
    ]);
  });

  it("finds a support table without the usual heading, but not a severity table", () => {
    const policy = parsePolicy(
      [
        "| Severity | Time to fix |",
        "|--|--|",
        "| High | 7 days |",
        "",
        "| Version | Supported |",
        "|--|--|",
        "| 1.x | yes |",
      ].join("\n"),
    );
    expect(policy.supportTable?.rows.map((r) => r.versionText)).toEqual(["1.x"]);
    expect(policy.disclosureTimeline).toEqual([{ severity: "high", patchDays: 7, line: 3 }]);
  });

  it("parses a policy with no table at all", () => {
    expect(parsePolicy("# Security\n\nMail security@acme.dev.\n").supportTable).toBeUndefined();
  });

  it("reads a table with unhelpful headers under a support heading", () => {
    const policy = parsePolicy(
      [
        "## Which versions are supported?",
        "",
        "| Release line | |",
        "|---|---|",
        "| 2.x | :white_check_mark: |",
        "| 1.x | :x: |",
      ].join("\n"),
    );
    expect(policy.supportTable?.rows.map((r) => [r.line, r.versionText, r.status])).toEqual([
      [5, "2.x", "supported"],
      [6, "1.x", "unsupported"],
    ]);
  });

  it.each([
    "Supported Versions",
    "Version support",
    "Security Updates",
    "Support policy",
    "End of life",
    "LTS",
  ])("knows a support section titled %s", (title) => {
    const policy = parsePolicy(`# Security\n\n## ${title}\n\n- 2.x: supported\n- 1.x: not supported\n`);
    expect(policy.supportTable?.rows.map((r) => [r.line, r.versionText, r.status])).toEqual([
      [5, "2.x", "supported"],
      [6, "1.x", "unsupported"],
    ]);
  });
});
