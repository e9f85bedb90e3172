import { describe, expect, it } from "vitest";
import { packageResolvedExtractor } from "./package-resolved.js";
import { memoryContext } from "./shared-lockfiles.js";

// Shapes as SwiftPM writes them (v1 by Swift 5.5 and earlier, v2/v3 since).
const v1 = `{
  "object": {
    "pins": [
      {
        "package": "swift-nio",
        "repositoryURL": "https://github.com/apple/swift-nio.git",
        "state": {
          "branch": null,
          "revision": "6aa9347d9bc5bbfe6a84983aec955c17ffea96ef",
          "version": "2.33.0"
        }
      },
      {
        "package": "Vapor",
        "repositoryURL": "https://github.com/vapor/vapor",
        "state": {
          "branch": "main",
          "revision": "0123456789abcdef0123456789abcdef01234567",
          "version": null
        }
      }
    ]
  },
  "version": 1
}
`;

const v2 = `{
  "originHash" : "abc",
  "pins" : [
    {
      "identity" : "swift-argument-parser",
      "kind" : "remoteSourceControl",
      "location" : "https://github.com/apple/swift-argument-parser",
      "state" : {
        "revision" : "41982a3656a71c768319979febd796c6fd111d5c",
        "version" : "1.5.0"
      }
    },
    {
      "identity" : "local",
      "kind" : "localSourceControl",
      "location" : "/src/local",
      "state" : { "revision" : "41982a3656a71c768319979febd796c6fd111d5c" }
    }
  ],
  "version" : 3
}
`;

describe("Package.resolved", () => {
  it("reads v1 pins with the repository URL as SwiftURL name", async () => {
    expect(await packageResolvedExtractor.extract(v1, memoryContext("Package.resolved"))).toEqual([
      {
        name: "github.com/apple/swift-nio",
        version: "2.33.0",
        ecosystem: "SwiftURL",
        purl: "pkg:swift/github.com/apple/swift-nio@2.33.0",
        commit: "6aa9347d9bc5bbfe6a84983aec955c17ffea96ef",
        file: "Package.resolved",
        line: 6,
      },
      expect.objectContaining({ name: "github.com/vapor/vapor", requirement: "branch main", line: 15 }),
    ]);
  });

  it("reads v2/v3 pins and skips local checkouts", async () => {
    expect(await packageResolvedExtractor.extract(v2, memoryContext("Package.resolved"))).toEqual([
      expect.objectContaining({ name: "github.com/apple/swift-argument-parser", version: "1.5.0", line: 7 }),
    ]);
  });

  it("rejects a document without pins", () => {
    expect(() => packageResolvedExtractor.extract("{}", memoryContext("Package.resolved"))).toThrow(/pins/);
  });
});
