import { describe, expect, it } from "vitest";
import { mixLockExtractor } from "./mix-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("mix.lock", () => {
  it("reads every hex entry of the real lockfiles and skips git entries", async () => {
    const results = await Promise.all(
      sharedLockfiles("mix-lock").map(async (f) => [
        f.name,
        (await mixLockExtractor.extract(f.content, f.context)).length,
      ]),
    );
    expect(results).toEqual([
      ["hexpm__hexpm__mix.lock", 98],
      ["phoenixframework__phoenix__mix.lock", 40],
    ]);
  });

  it("uses the hex package name and the entry's line", async () => {
    const f = sharedLockfile("mix-lock", "phoenixframework__phoenix__mix.lock");
    const records = await mixLockExtractor.extract(f.content, f.context);
    expect(records[0]).toEqual({
      name: "bandit",
      version: "1.12.4",
      ecosystem: "Hex",
      purl: "pkg:hex/bandit@1.12.4",
      file: "mix-lock/phoenixframework__phoenix__mix.lock",
      line: 2,
    });
    const renamed = `%{\n  "my_app": {:hex, :real_pkg, "0.1.0", "abc", [:mix], [], "hexpm", "def"},\n}\n`;
    expect(await mixLockExtractor.extract(renamed, memoryContext("mix.lock"))).toMatchObject([
      { name: "real_pkg" },
    ]);
  });

  it("rejects files that are not an Elixir map", () => {
    expect(() => mixLockExtractor.extract("{ nope", memoryContext("mix.lock"))).toThrow(
      expect.objectContaining({ line: 1 }),
    );
  });
});
