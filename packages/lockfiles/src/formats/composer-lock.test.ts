import { describe, expect, it } from "vitest";
import { composerLockExtractor } from "./composer-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("composer.lock", () => {
  it("reads packages and packages-dev of the real lockfiles", async () => {
    const results = await Promise.all(
      sharedLockfiles("composer-lock").map(async (f) => {
        const records = await composerLockExtractor.extract(f.content, f.context);
        return [f.name, records.length, records.filter((r) => r.scopes?.includes("dev")).length];
      }),
    );
    expect(results).toEqual([
      ["BookStackApp__BookStack__composer.lock", 147, 37],
      ["koel__koel__composer.lock", 202, 46],
      ["monicahq__monica__composer.lock", 241, 76],
    ]);
  });

  it("drops the tag's v, finds each name's line, and reads direct from composer.json", async () => {
    const f = sharedLockfile("composer-lock", "BookStackApp__BookStack__composer.lock");
    const ctx = memoryContext("composer.lock", {
      "composer.json": JSON.stringify({ require: { "league/commonmark": "^2" }, "require-dev": {} }),
    });
    const records = await composerLockExtractor.extract(f.content, ctx);
    const lines = f.content.split("\n");
    for (const r of records) {
      expect(r.version).not.toMatch(/^v\d/);
      expect(lines[(r.line ?? 0) - 1]?.toLowerCase()).toContain(`"name": "${r.name}"`);
    }
    expect(records.find((r) => r.name === "league/commonmark")).toMatchObject({
      direct: true,
      purl: expect.stringMatching(/^pkg:composer\/league\/commonmark@\d/),
    });
    expect(records.filter((r) => r.direct)).toHaveLength(1);
  });

  it("names the line of invalid JSON", async () => {
    await expect(
      composerLockExtractor.extract('{\n "packages": [\n  {,\n', memoryContext("composer.lock")),
    ).rejects.toMatchObject({
      line: 3,
    });
  });
});
