import { describe, expect, it } from "vitest";
import { ExtractorError } from "../extractor.js";
import { goModExtractor } from "./go-mod.js";
import { goSumExtractor } from "./go-sum.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("go.mod", () => {
  it("reads every require of the real go.mod files plus stdlib", async () => {
    const results = await Promise.all(
      sharedLockfiles("go-mod").map(async (f) => {
        const records = await goModExtractor.extract(f.content, f.context);
        return [f.name, records.length, records.filter((r) => r.direct === false).length];
      }),
    );
    expect(results).toEqual([
      ["caddyserver__caddy__go.mod", 170, 117],
      ["cli__cli__go.mod", 159, 111],
      ["gohugoio__hugo__go.mod", 181, 100],
      ["ossf__scorecard__go.mod", 297, 251],
      ["prometheus__prometheus__go.mod", 251, 141],
    ]);
  });

  it("applies replace directives and takes stdlib from the toolchain line", async () => {
    const f = sharedLockfile("go-mod", "cli__cli__go.mod");
    const records = await goModExtractor.extract(f.content, f.context);
    expect(records.find((r) => r.name === "github.com/rogpeppe/go-internal")).toBeUndefined();
    expect(records.find((r) => r.name === "github.com/cli/go-internal")).toMatchObject({
      version: "0.0.0-20241024130215-fa3c22e38b9b",
      purl: "pkg:golang/github.com/cli/go-internal@v0.0.0-20241024130215-fa3c22e38b9b",
    });
    expect(records.find((r) => r.name === "stdlib")).toMatchObject({
      version: "1.22.6",
      ecosystem: "Go",
      line: 5,
    });
  });

  it("reads single-line requires, quoted paths, version-specific and local replaces, excludes", async () => {
    const mod = `module example.com/app

go 1.21

require example.com/a v1.2.3
require "example.com/b" v0.1.0 // indirect
require (
\texample.com/c v2.0.0+incompatible
\texample.com/local v1.0.0
)
exclude example.com/a v1.2.2
replace example.com/b v0.1.0 => example.com/b2 v0.1.5
replace example.com/local => ../local
`;
    const records = await goModExtractor.extract(mod, memoryContext("go.mod"));
    expect(records.map((r) => [r.name, r.version, r.direct, r.line])).toEqual([
      ["example.com/a", "1.2.3", true, 5],
      ["example.com/b2", "0.1.5", false, 6],
      ["example.com/c", "2.0.0+incompatible", true, 8],
      ["stdlib", "1.21.0", true, 3],
    ]);
  });

  it("names the line of a malformed directive and of an unclosed block", () => {
    expect(() => goModExtractor.extract("module a\nrequire x\n", memoryContext("go.mod"))).toThrow(
      expect.objectContaining({ line: 2 }),
    );
    expect(() => goModExtractor.extract("module a\nrequire (\n x v1.0.0\n", memoryContext("go.mod"))).toThrow(
      ExtractorError,
    );
  });
});

describe("go.sum", () => {
  it("is skipped beside a go.mod, which is authoritative", async () => {
    const f = sharedLockfile("go-sum", "cli__cli__go.sum");
    const ctx = memoryContext("go.sum", { "go.mod": "module x\n" });
    expect(await goSumExtractor.extract(f.content, ctx)).toEqual([]);
  });

  it("alone, lists each module whose code it hashes once", async () => {
    const counts = await Promise.all(
      sharedLockfiles("go-sum").map(async (f) => [
        f.name,
        (await goSumExtractor.extract(f.content, f.context)).length,
      ]),
    );
    expect(counts).toEqual([
      ["caddyserver__caddy__go.sum", 221],
      ["cli__cli__go.sum", 251],
      ["gohugoio__hugo__go.sum", 214],
      ["ossf__scorecard__go.sum", 392],
      ["prometheus__prometheus__go.sum", 299],
    ]);
  });

  it("names the line of a malformed entry", async () => {
    await expect(
      goSumExtractor.extract("a v1 h1:x=\nbroken\n", memoryContext("go.sum")),
    ).rejects.toMatchObject({
      line: 2,
    });
  });
});
