import { describe, expect, it } from "vitest";
import { gemfileLockExtractor } from "./gemfile-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("Gemfile.lock", () => {
  it("reads every GEM and GIT spec of the real lockfiles once per version", async () => {
    const results = await Promise.all(
      sharedLockfiles("gemfile-lock").map(async (f) => {
        const records = await gemfileLockExtractor.extract(f.content, f.context);
        return [f.name, records.length, records.filter((r) => r.direct).length];
      }),
    );
    expect(results).toEqual([
      ["huginn__huginn__Gemfile.lock", 280, 99],
      ["lobsters__lobsters__Gemfile.lock", 180, 58],
      ["rubygems__rubygems.org__Gemfile.lock", 298, 120],
    ]);
  });

  it("strips platforms, keeps GIT revisions, skips PATH gems, marks DEPENDENCIES direct", async () => {
    const f = sharedLockfile("gemfile-lock", "huginn__huginn__Gemfile.lock");
    const records = await gemfileLockExtractor.extract(f.content, f.context);
    expect(records.find((r) => r.name === "erector")).toMatchObject({
      version: "0.10.0",
      commit: "821c2fa9174b56cc39e203883d83b18b60912a36",
      line: 6,
    });
    expect(records.find((r) => r.name === "dotenv")).toBeUndefined();
    for (const r of records) expect(r.version).not.toContain("-");
    expect(records.find((r) => r.name === "ace-rails-ap")).toMatchObject({ direct: true, version: "4.5" });
  });

  it("handles gems.locked with platform variants", async () => {
    const lock = `GEM
  remote: https://rubygems.org/
  specs:
    nokogiri (1.16.0-arm64-darwin)
      racc (~> 1.4)
    nokogiri (1.16.0-x86_64-linux)
      racc (~> 1.4)
    racc (1.7.3)

PLATFORMS
  arm64-darwin
  x86_64-linux

DEPENDENCIES
  nokogiri!

BUNDLED WITH
   2.5.3
`;
    const records = await gemfileLockExtractor.extract(lock, memoryContext("gems.locked"));
    expect(records).toEqual([
      expect.objectContaining({ name: "nokogiri", version: "1.16.0", direct: true, line: 4 }),
      expect.objectContaining({ name: "racc", version: "1.7.3", direct: false, purl: "pkg:gem/racc@1.7.3" }),
    ]);
    expect(gemfileLockExtractor.matches("sub/gems.locked")).toBe(true);
  });

  it("names the line of a malformed spec", () => {
    expect(() =>
      gemfileLockExtractor.extract("GEM\n  specs:\n    broken spec\n", memoryContext("Gemfile.lock")),
    ).toThrow(expect.objectContaining({ line: 3 }));
  });
});
