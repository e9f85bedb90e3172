import { describe, expect, it } from "vitest";
import { findDisclosureTimeline, parseDuration } from "./disclosure-timeline.js";
import { parseMarkdown } from "./markdown-tree.js";

const timeline = (text: string) => findDisclosureTimeline(parseMarkdown(text), text);

describe("parseDuration", () => {
  it.each([
    ["7 days", 7],
    ["48 hours", 2],
    ["2 weeks", 14],
    ["1 month", 30],
    ["10 business days", 10],
    ["90-day", 90],
    ["Immediately", 0],
    ["best effort", undefined],
  ])("%s -> %s", (text, days) => expect(parseDuration(text)).toBe(days));
});

describe("findDisclosureTimeline", () => {
  it("reads bullets by severity, fix and disclosure alike", () => {
    const text = [
      "## Response times",
      "",
      "- **Critical**: 7 days",
      "- High: fix within 2 weeks",
      "* Medium/Low - 90 days",
      "- Low: 120-day public disclosure",
      "- Info: whenever",
    ].join("\n");
    expect(timeline(text)).toEqual([
      { severity: "critical", patchDays: 7, line: 3 },
      { severity: "high", patchDays: 14, line: 4 },
      { severity: "medium", patchDays: 90, line: 5 },
      { severity: "low", patchDays: 90, disclosureDays: 120, line: 5 },
    ]);
  });

  it("prefers a table over bullets and sentences for the same severity", () => {
    const text = [
      "| Severity | Time to fix |",
      "|---|---|",
      "| Critical | 3 days |",
      "",
      "- Critical: 30 days",
      "High severity issues are fixed within 10 days.",
    ].join("\n");
    expect(timeline(text)).toEqual([
      { severity: "critical", patchDays: 3, line: 3 },
      { severity: "high", patchDays: 10, line: 6 },
    ]);
  });
});
