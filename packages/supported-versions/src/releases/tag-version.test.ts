import { describe, expect, it } from "vitest";
import { parseTagPattern, versionFromTag } from "./tag-version.js";

const version = (tag: string, pattern?: string) => versionFromTag(tag, parseTagPattern(pattern))?.version;

describe("versionFromTag", () => {
  it.each([
    ["v1.2.3", "1.2.3"],
    ["1.2.3", "1.2.3"],
    ["v2.0.0-rc.1", "2.0.0-rc.1"],
    ["1.2.3+build.5", "1.2.3"],
    ["v1.2", "1.2.0"],
    ["v3", "3.0.0"],
    ["mypkg@1.2.3", "1.2.3"],
    ["@scope/pkg@4.5.6", "4.5.6"],
    ["api/v1.2.3", "1.2.3"],
    ["packages/cli/v0.3.0", "0.3.0"],
    ["cli-v4.1.0", "4.1.0"],
    ["tool_2.0.1", "2.0.1"],
    ["web-1.0.0-beta.2", "1.0.0-beta.2"],
  ])("%s is release %s under the default pattern", (tag, expected) => {
    expect(version(tag)).toBe(expected);
  });

  it.each([
    "latest",
    "stable",
    "nightly",
    "release-candidate",
    "v1.2.3.4.5",
    "backup/old",
    "snapshot-2024-01-15",
  ])("%s is not a release", (tag) => expect(version(tag)).toBeUndefined());

  it("keeps to one package with a glob", () => {
    expect(version("web@4.0.0", "web@*")).toBe("4.0.0");
    expect(version("api@4.0.0", "web@*")).toBeUndefined();
    expect(version("web@4.0.0-next.1", "web@*")).toBe("4.0.0-next.1");
    expect(version("api/v9.1.0", "api/v*")).toBe("9.1.0");
    expect(version("api/9.1.0", "api/*")).toBe("9.1.0");
    expect(version("my.pkg-v1.0.0", "my.pkg-v*")).toBe("1.0.0");
    expect(version("myXpkg-v1.0.0", "my.pkg-v*")).toBeUndefined();
  });

  it("takes a regex with a version group", () => {
    expect(version("release/2024.3", "^release/(?<version>\\d+\\.\\d+)$")).toBe("2024.3.0");
    expect(version("server-v1.4.0", "^server-v(?<version>.+)$")).toBe("1.4.0");
    expect(version("client-v1.4.0", "^server-v(?<version>.+)$")).toBeUndefined();
  });

  it("rejects unusable patterns with a clear message", () => {
    expect(() => parseTagPattern("(?<version>[")).toThrow(/tag-pattern is not a valid regular expression/);
    expect(() => parseTagPattern("mypkg")).toThrow(/needs a \* where the version goes/);
  });
});
