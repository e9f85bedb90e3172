import { describe, expect, it } from "vitest";
import { pubspecLockExtractor } from "./pubspec-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("pubspec.lock", () => {
  it("reads hosted and git packages of the real lockfiles, with direct main/dev/transitive", async () => {
    const results = await Promise.all(
      sharedLockfiles("pubspec-lock").map(async (f) => {
        const records = await pubspecLockExtractor.extract(f.content, f.context);
        return [
          f.name,
          records.length,
          records.filter((r) => r.direct).length,
          records.filter((r) => r.scopes?.includes("dev")).length,
        ];
      }),
    );
    expect(results).toEqual([
      ["flutter__gallery__pubspec.lock", 98, 26, 7],
      ["localsend__localsend__pubspec.lock", 253, 3, 0],
    ]);
  });

  it("points at each package's key and keeps git refs", async () => {
    const f = sharedLockfile("pubspec-lock", "flutter__gallery__pubspec.lock");
    const records = await pubspecLockExtractor.extract(f.content, f.context);
    expect(records[0]).toEqual({
      name: "_fe_analyzer_shared",
      version: "61.0.0",
      ecosystem: "Pub",
      purl: "pkg:pub/_fe_analyzer_shared@61.0.0",
      direct: false,
      scopes: ["prod"],
      file: "pubspec-lock/flutter__gallery__pubspec.lock",
      line: 4,
    });
    const local = sharedLockfile("pubspec-lock", "localsend__localsend__pubspec.lock");
    const git = (await pubspecLockExtractor.extract(local.content, local.context)).filter((r) => r.commit);
    expect(git).toHaveLength(3);
  });

  it("names the line of YAML faults", () => {
    expect(() =>
      pubspecLockExtractor.extract("packages:\n  a:\n    version: [\n", memoryContext("pubspec.lock")),
    ).toThrow(expect.objectContaining({ name: "ExtractorError" }));
  });
});
