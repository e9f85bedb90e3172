import { describe, expect, it } from "vitest";
import { parsePolicy } from "./parse-policy.js";
import { rstTablesToMarkdown } from "./rst-tables.js";

describe("rstTablesToMarkdown", () => {
  it("rewrites a simple table line for line", () => {
    const rst = ["=====  ===", "Ver    Ok", "=====  ===", "1.x    yes", "=====  ===", "after"].join("\n");
    expect(rstTablesToMarkdown(rst).split("\n")).toEqual([
      "",
      "| Ver | Ok |",
      "| --- | --- |",
      "| 1.x | yes |",
      "",
      "after",
    ]);
  });

  it("reads a grid table without a header separator, its first row as the header", () => {
    const rst = [
      "Supported Versions",
      "------------------",
      "",
      "+---------+-----------+",
      "| Version | Supported |",
      "+---------+-----------+",
      "| 4.x     | yes       |",
      "+---------+-----------+",
    ].join("\n");
    expect(rstTablesToMarkdown(rst).split("\n")).toHaveLength(8);
    const policy = parsePolicy(rst, "SECURITY.rst");
    expect(policy.supportTable?.rows.map((r) => [r.line, r.versionText, r.status])).toEqual([
      [7, "4.x", "supported"],
    ]);
  });

  it("leaves Markdown policies alone", () => {
    const md = "| a |\n|---|\n\n=====  ===\nnot  rst\n";
    expect(parsePolicy(md, "SECURITY.md").supportTable).toBeUndefined();
  });
});
