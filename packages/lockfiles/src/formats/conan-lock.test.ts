import { describe, expect, it } from "vitest";
import { conanLockExtractor } from "./conan-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("conan.lock", () => {
  it("reads requires and build_requires of the real Conan 2 lockfiles", async () => {
    const results = await Promise.all(
      sharedLockfiles("conan-lock").map(async (f) => {
        const records = await conanLockExtractor.extract(f.content, f.context);
        return [f.name, records.length, records.filter((r) => r.scopes?.includes("dev")).length];
      }),
    );
    expect(results).toEqual([
      ["AMWA-TV__nmos-sender-receiver-framework__conan.lock", 46, 21],
      ["NREL__OpenStudio__conan.lock", 47, 16],
    ]);
  });

  it("splits references into name and version and finds their lines", async () => {
    const f = sharedLockfile("conan-lock", "NREL__OpenStudio__conan.lock");
    const records = await conanLockExtractor.extract(f.content, f.context);
    expect(records[0]).toEqual({
      name: "zlib",
      version: "1.3.1",
      ecosystem: "ConanCenter",
      purl: "pkg:conan/zlib@1.3.1",
      scopes: ["prod"],
      file: "conan-lock/NREL__OpenStudio__conan.lock",
      line: 4,
    });
  });

  it("reads Conan 1 graph_lock nodes with direct dependencies from the root node", async () => {
    const v1 = JSON.stringify(
      {
        graph_lock: {
          nodes: {
            "0": { ref: "conanfile.txt", requires: ["1"], build_requires: ["3"] },
            "1": { ref: "openssl/1.1.1k#abc", requires: ["2"] },
            "2": { ref: "zlib/1.2.11@user/stable#def" },
            "3": { ref: "cmake/3.20.0", context: "build" },
          },
          revisions_enabled: true,
        },
        version: "0.4",
      },
      null,
      2,
    );
    expect(await conanLockExtractor.extract(v1, memoryContext("conan.lock"))).toEqual([
      expect.objectContaining({ name: "openssl", version: "1.1.1k", direct: true, scopes: ["prod"] }),
      expect.objectContaining({ name: "zlib", version: "1.2.11", direct: false }),
      expect.objectContaining({ name: "cmake", version: "3.20.0", direct: true, scopes: ["dev"] }),
    ]);
  });
});
