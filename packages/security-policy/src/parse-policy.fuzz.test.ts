// SECURITY.md fuzzing: the five real policies of ../shared/seeds damaged anywhere, table cells replaced
// by arbitrary text, arbitrary documents under .md/.rst/.txt names, and pathological shapes (huge tables,
// deep nesting, long lines). parsePolicy reads anything: it returns a policy (rows with lines inside the
// document) and never throws or hangs.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDuration } from "./disclosure-timeline.js";
import { parsePolicy } from "./parse-policy.js";
import { parseSupportDate } from "./support-date.js";
import { parseSupportStatus } from "./support-status.js";
import { parseVersionSpec } from "./version-spec.js";

const dir = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));
const seeds = [1, 2, 3, 4, 5].map((n) => readFileSync(`${dir}security-policy-${n}.md`, "utf8"));

function check(content: string, path: string): void {
  const lineCount = content.split(/\r\n|\r|\n/).length;
  const started = performance.now();
  const policy = parsePolicy(content, path);
  // A hang detector, not a speed target: only a super-linear path breaks it on inputs this small, even on
  // a loaded machine.
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(policy.path).toBe(path);
  for (const row of policy.supportTable?.rows ?? []) {
    expect(typeof row.versionText).toBe("string");
    expect(row.line).toBeGreaterThanOrEqual(1);
    expect(row.line).toBeLessThanOrEqual(lineCount + 1);
  }
  expect(Array.isArray(policy.reportingChannels)).toBe(true);
  expect(Array.isArray(policy.disclosureTimeline)).toBe(true);
  expect(Array.isArray(policy.promisedChecks)).toBe(true);
}

const markdownJunk = fc.oneof(
  fc.constantFrom(
    "|",
    "| --- |",
    "|:-:|",
    "\n",
    "\r\n",
    "\r",
    "#",
    "## Supported Versions\n",
    "<table>",
    "</table>",
    "<tr><td>",
    "<!--",
    "-->",
    "```",
    "> ",
    "* ",
    "1. ",
    "[",
    "](",
    ")",
    "`",
    "\\",
    ":white_check_mark:",
    ":x:",
    "✅",
    "❌",
    ">= 1.x",
    "< 2.0",
    "2024-13-45",
    "90 days",
    "security@",
    "\u0000",
    "\uFEFF",
    "\u202E",
  ),
  fc.string({ maxLength: 12 }),
);

describe("SECURITY.md fuzzing", () => {
  it.each(seeds.map((s, i) => [i + 1, s] as const))("seed %i damaged anywhere", (_n, seed) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: seed.length }), markdownJunk, fc.nat({ max: 60 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom("SECURITY.md", "SECURITY.rst", "docs/SECURITY.txt"),
        (edits, path) => {
          let text = seed;
          for (const [at, insert, remove] of edits)
            text = text.slice(0, at) + insert + text.slice(at + remove);
          check(text, path);
        },
      ),
      { numRuns: 80, seed: 10_7001 },
    );
  });

  it("arbitrary documents", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(markdownJunk, { maxLength: 80 }).map((p) => p.join("")),
        ),
        fc.constantFrom("SECURITY.md", "SECURITY.rst", "SECURITY.txt"),
        (text, path) => check(text, path),
      ),
      { numRuns: 400, seed: 10_7002 },
    );
  });

  it("tables whose cells are arbitrary text", () => {
    const cell = fc.oneof(markdownJunk, fc.string({ maxLength: 20 })).map((c) => c.replace(/[|\n\r]/g, " "));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 12 }), (rows) => {
        const table = [
          "## Supported Versions",
          "",
          "| Version | Supported | End of life |",
          "| ------- | --------- | ----------- |",
          ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
        ].join("\n");
        check(table, "SECURITY.md");
      }),
      { numRuns: 300, seed: 10_7003 },
    );
  });

  it("cell parsers take any text", () => {
    fc.assert(
      fc.property(fc.oneof(markdownJunk, fc.string({ maxLength: 40 })), (text) => {
        parseVersionSpec(text);
        parseSupportStatus(text);
        parseSupportDate(text);
        parseDuration(text);
      }),
      { numRuns: 1000, seed: 10_7004 },
    );
  });
});

describe("pathological SECURITY.md shapes", () => {
  const cases: [string, string][] = [
    [
      "10k-row table",
      `| Version | Supported |\n|---|---|\n${Array.from({ length: 10_000 }, (_, i) => `| ${i}.x | :white_check_mark: |`).join("\n")}\n`,
    ],
    ["deep block quotes", `${"> ".repeat(5_000)}Supported Versions\n`],
    ["deep lists", Array.from({ length: 2_000 }, (_, i) => `${"  ".repeat(i)}- 1.${i}`).join("\n")],
    ["nested HTML tables", `${"<table><tr><td>".repeat(3_000)}1.0${"</td></tr></table>".repeat(3_000)}`],
    ["100k unclosed rows", `<table>${"<tr>".repeat(100_000)}`],
    ["unclosed HTML", `<table>${"<tr><td>1.x<td>yes".repeat(5_000)}`],
    [
      "a URL ending in 200k dots, an address over 100k labels",
      `see http://${".".repeat(200_000)}x and a@${"b.".repeat(100_000)}`,
    ],
    ["one 1 MB line", `| Version | Supported |\n|---|---|\n| ${"1.".repeat(500_000)} | yes |\n`],
    ["many backticks", "`".repeat(100_000)],
    ["many brackets", "[".repeat(50_000) + "](".repeat(50_000)],
    ["many emphasis markers", "*_".repeat(50_000)],
    ["rst grid", `+---+---+\n| a | b |\n${"+---+---+\n| 1 | y |\n".repeat(5_000)}+---+---+\n`],
  ];
  it.each(cases)(
    "%s",
    (_name, content) => {
      const started = performance.now();
      for (const path of ["SECURITY.md", "SECURITY.rst"]) parsePolicy(content, path);
      // A hang detector (quadratic paths took minutes on these), loose enough for a loaded CI machine.
      expect(performance.now() - started).toBeLessThan(60_000);
    },
    120_000,
  );
});
