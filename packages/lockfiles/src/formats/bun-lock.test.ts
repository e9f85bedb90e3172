import { describe, expect, it } from "vitest";
import { bunLockExtractor } from "./bun-lock.js";
import { jsoncToJson } from "./jsonc.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("bun.lock", () => {
  it("reads every package of the real lockfiles", async () => {
    const counts: Record<string, number> = {};
    for (const f of sharedLockfiles("bun-lock"))
      counts[f.name] = (await bunLockExtractor.extract(f.content, f.context)).length;
    expect(counts).toEqual({ "elysiajs__elysia__bun.lock": 291, "honojs__hono__bun.lock": 1152 });
  });

  it("points at each `packages` key and reads direct, scopes and nesting parents", async () => {
    const f = sharedLockfile("bun-lock", "elysiajs__elysia__bun.lock");
    const records = await bunLockExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toMatch(/^ {4}"[^"]+": \["/);
    expect(records.find((r) => r.name === "cookie" && !r.parents)).toMatchObject({
      direct: true,
      scopes: ["prod"],
      ecosystem: "npm",
    });
    expect(records.find((r) => r.name === "eslint" && !r.parents)).toMatchObject({
      direct: true,
      scopes: ["dev"],
    });
    expect(records.find((r) => r.name === "eslint-visitor-keys" && r.parents)).toMatchObject({
      direct: false,
      parents: ["@eslint-community/eslint-utils"],
    });
  });

  it("reads trailing commas, workspaces, git and nested packages", async () => {
    const lock = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "app",
      "dependencies": { "a": "^1", "tool": "github:o/tool", },
    },
    "packages/lib": {
      "name": "lib",
      "devDependencies": { "b": "^2", },
    },
  },
  "packages": {
    "a": ["a@1.0.0", "", { "dependencies": { "c": "^3" } }, "sha512-x"],
    "b": ["b@2.0.0", "", {}, "sha512-y"],
    "c": ["c@3.1.0", "", {}, "sha512-z"],
    "lib": ["lib@workspace:packages/lib"],
    "tool": ["tool@github:o/tool#0123456", { "dependencies": { "c": "^2" } }, "o-tool-0123456"],
    "tool/c": ["c@2.0.0", "", {}, "sha512-w"],
  },
}
`;
    const records = await bunLockExtractor.extract(lock, memoryContext("bun.lock"));
    expect(records.map((r) => [r.name, r.version, r.line, r.direct, r.scopes, r.parents, r.commit])).toEqual([
      ["a", "1.0.0", 14, true, ["prod"], undefined, undefined],
      ["b", "2.0.0", 15, true, ["dev"], undefined, undefined],
      ["c", "3.1.0", 16, false, ["prod"], undefined, undefined],
      ["tool", "github:o/tool#0123456", 18, true, ["prod"], undefined, "0123456"],
      ["c", "2.0.0", 19, false, ["prod"], ["tool"], undefined],
    ]);
  });

  it("keeps lines and columns when it removes trailing commas and comments", () => {
    const text = '{\n  // note\n  "a": [1, 2,],\n  /* x */ "b": "a,]",\n}\n';
    const json = jsoncToJson(text);
    expect(json).toHaveLength(text.length);
    expect(json.split("\n").length).toBe(text.split("\n").length);
    expect(JSON.parse(json)).toEqual({ a: [1, 2], b: "a,]" });
  });

  it("names the line of a syntax error", async () => {
    await expect(
      bunLockExtractor.extract(
        '{\n  "packages": {\n    "a": ["a@1.0.0" "x"],\n  },\n}\n',
        memoryContext("bun.lock"),
      ),
    ).rejects.toMatchObject({
      name: "ExtractorError",
      line: 3,
    });
  });
});
