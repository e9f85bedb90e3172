// Test policies written for every Supported Versions form real policies use (fixtures/*.md).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "./parse-policy.js";
import { specCovers } from "./version-spec.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const fixture = (name: string) => parsePolicy(readFileSync(`${fixtures}${name}`, "utf8"), name);
const rows = (name: string) =>
  fixture(name).supportTable?.rows.map((r) => [r.line, r.versionText, r.status, r.spec.kind]);

/** Which rows cover a version, as "versionText:status". */
const coveredBy = (name: string, version: string, latest?: string) =>
  fixture(name)
    .supportTable!.rows.filter((r) =>
      specCovers(r.spec, new semver.SemVer(version), latest ? new semver.SemVer(latest) : undefined),
    )
    .map((r) => `${r.versionText}:${r.status}`);

describe("Supported Versions forms", () => {
  it("bare minor versions, LTS notes, emoji with text, and an end-of-support column", () => {
    const policy = fixture("django-style.md");
    expect(policy.supportTable?.form).toBe("table");
    expect(rows("django-style.md")).toEqual([
      [10, "5.1", "supported", "range"],
      [11, "5.0", "supported", "range"],
      [12, "4.2 (LTS)", "supported", "range"],
      [13, "<= 4.1", "unsupported", "range"],
    ]);
    expect(policy.supportTable?.rows.map((r) => r.extra["End of extended support"])).toEqual([
      "2025-12-31",
      "2025-04-30",
      "2026-04-30",
      "2023-12-31",
    ]);
    expect(coveredBy("django-style.md", "4.2.16")).toEqual(["4.2 (LTS):supported"]);
    expect(coveredBy("django-style.md", "4.1.13")).toEqual(["<= 4.1:unsupported"]);
    expect(coveredBy("django-style.md", "5.2.0")).toEqual([]);
  });

  it("comparators, version lists, hyphen ranges of lines and of minors", () => {
    expect(rows("ranges-and-lists.md")).toEqual([
      [7, "> 3", "supported", "range"],
      [8, "3.0, 3.1", "supported", "range"],
      [9, "1.x - 2.x", "supported", "range"],
      [10, "1.2 - 1.4", "unsupported", "range"],
      [11, "< 1.0", "unsupported", "range"],
    ]);
    expect(coveredBy("ranges-and-lists.md", "4.0.0")).toEqual(["> 3:supported"]);
    expect(coveredBy("ranges-and-lists.md", "3.1.2")).toEqual(["3.0, 3.1:supported"]);
    // 1.3 sits in both a supported line range and an unsupported minor range: a contradiction to report.
    expect(coveredBy("ranges-and-lists.md", "1.3.0")).toEqual([
      "1.x - 2.x:supported",
      "1.2 - 1.4:unsupported",
    ]);
    expect(coveredBy("ranges-and-lists.md", "0.4.0")).toEqual(["< 1.0:unsupported"]);
    expect(fixture("ranges-and-lists.md").reportingChannels).toEqual([
      {
        kind: "private-advisory",
        value: "https://github.com/acme/widget/security/advisories/new",
        line: 13,
        placeholder: false,
      },
    ]);
  });

  it("moving targets: latest, main, next, master, current", () => {
    expect(rows("moving-targets.md")).toEqual([
      [7, "latest", "supported", "latest"],
      [8, "main", "supported", "latest"],
      [9, "next", "unsupported", "development"],
      [10, "master", "unsupported", "latest"],
      [11, "current", "supported", "latest"],
    ]);
    // "next" is ahead of every release, so its "Unsupported" says nothing about 2.0.0.
    expect(coveredBy("moving-targets.md", "2.0.0", "2.0.0")).toEqual([
      "latest:supported",
      "main:supported",
      "master:unsupported",
      "current:supported",
    ]);
    expect(coveredBy("moving-targets.md", "1.0.0", "2.0.0")).toEqual([]);
    expect(fixture("moving-targets.md").reportingChannels).toMatchObject([
      { kind: "url", value: "https://hackerone.com/acme", line: 13 },
    ]);
  });

  it("bullet lists: 'x: status', leading and trailing markers, dashes and parentheses", () => {
    const policy = fixture("bullets.md");
    expect(policy.supportTable).toMatchObject({ form: "list", line: 7 });
    expect(rows("bullets.md")).toEqual([
      [7, "3.x", "supported", "range"],
      [8, "2.4.x", "supported", "range"],
      [9, "2.0 - 2.3", "unsupported", "range"],
      [10, "1.x", "unsupported", "range"],
      [11, "0.9", "unsupported", "range"],
    ]);
    expect(coveredBy("bullets.md", "2.2.0")).toEqual(["2.0 - 2.3:unsupported"]);
    expect(policy.reportingChannels.map((c) => [c.kind, c.value, c.line])).toEqual([
      ["email", "security@bullets.example.org", 15],
      ["url", "https://bullets.example.org/security", 15],
    ]);
  });

  it("version column after a date column, text statuses, and a full SLA table in hours and weeks", () => {
    const policy = fixture("extra-columns.md");
    expect(rows("extra-columns.md")).toEqual([
      [7, "v4.x", "supported", "range"],
      [8, "v3.x", "supported", "range"],
      [9, "v2.x", "unsupported", "range"],
      [10, "v1.x", "unsupported", "range"],
    ]);
    expect(policy.supportTable?.rows[1]?.extra).toEqual({
      "Release date": "2024-01-15",
      "EOL date": "2026-01-15",
    });
    expect(policy.disclosureTimeline).toEqual([
      { severity: "critical", patchDays: 3, disclosureDays: 14, line: 16 },
      { severity: "high", patchDays: 14, disclosureDays: 30, line: 17 },
      { severity: "medium", patchDays: 30, disclosureDays: 90, line: 18 },
      { severity: "low", patchDays: 90, disclosureDays: 180, line: 19 },
    ]);
    expect(policy.promisedChecks.map((p) => [p.check, p.line])).toEqual([
      ["dependency-scanning", 21],
      ["secret-scanning", 21],
      ["sast", 21],
      ["container-scanning", 21],
    ]);
    expect(policy.reportingChannels.map((c) => [c.kind, c.value, c.line])).toEqual([
      ["email", "security@extra.dev", 23],
    ]);
  });

  it("end-of-support dates from an extra column or a date-only status column", () => {
    const until = (name: string) => fixture(name).supportTable?.rows.map((r) => [r.versionText, r.until]);
    expect(until("django-style.md")).toEqual([
      ["5.1", "2025-12-31"],
      ["5.0", "2025-04-30"],
      ["4.2 (LTS)", "2026-04-30"],
      ["<= 4.1", "2023-12-31"],
    ]);
    expect(until("extra-columns.md")).toEqual([
      ["v4.x", undefined],
      ["v3.x", "2026-01-15"],
      ["v2.x", "2024-06-01"],
      ["v1.x", "2022-02-01"],
    ]);
    expect(rows("dates-only.md")).toEqual([
      [9, "3.x", "unknown", "range"],
      [10, "2.x", "unknown", "range"],
      [11, "1.x", "unknown", "range"],
    ]);
    expect(until("dates-only.md")).toEqual([
      ["3.x", "2027-03-31"],
      ["2.x", "2026-06-30"],
      ["1.x", "2025-01-31"],
    ]);
  });

  it("reStructuredText simple and grid tables, with their true lines", () => {
    expect(rows("simple-table.rst")).toEqual([
      [10, "3.x", "supported", "range"],
      [11, "2.4", "supported", "range"],
      [12, "< 2.4", "unsupported", "range"],
    ]);
    expect(fixture("simple-table.rst").supportTable?.rows.map((r) => r.until)).toEqual([
      "2027-06-30",
      "2026-01-31",
      "2025-01-31",
    ]);
    expect(fixture("simple-table.rst").reportingChannels).toMatchObject([
      { kind: "email", value: "security@rst.dev", line: 18 },
    ]);
    expect(rows("grid-table.rst")).toEqual([
      [10, "2.x", "supported", "range"],
      [12, "1.x", "unsupported", "range"],
    ]);
    expect(fixture("grid-table.rst").reportingChannels).toMatchObject([
      { kind: "private-advisory", line: 15 },
    ]);
  });

  it("HTML tables, blank lines and multi-line rows included", () => {
    expect(rows("html-table.md")).toEqual([
      [10, "4.x", "supported", "range"],
      [12, "3.2.x", "supported", "range"],
      [13, "< 3.2", "unsupported", "range"],
    ]);
    const html = fixture("html-table.md").supportTable!;
    expect(html.line).toBe(5);
    expect(html.rows[0]?.extra).toEqual({ Notes: "current" });
    expect(html.rows[1]).toMatchObject({ statusText: "✅ security fixes only", until: "2026-12-31" });
    expect(fixture("html-table.md").reportingChannels).toMatchObject([
      { kind: "private-advisory", line: 21 },
    ]);
  });
});
