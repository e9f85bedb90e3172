import { describe, expect, it } from "vitest";
import { compareVersions, isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("SemVer family", () => {
  it("follows the semver.org §11 precedence example", () => {
    expectAscending("npm", [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
      "2.0.0",
      "2.1.0",
      "2.1.1",
    ]);
  });

  it("ignores build metadata and compares numbers numerically", () => {
    expectEqual("npm", "1.0.0+build.1", "1.0.0+build.2");
    expectEqual("Go", "v1.0.0+build.1", "v1.0.0");
    expectAscending("crates.io", ["0.9.0", "0.10.0", "0.10.10", "1.0.0"]);
    expectAscending("npm", ["1.2.3", "1.2.30", "12345678901234567890.0.0", "12345678901234567891.0.0"]);
  });

  it("accepts missing minor/patch and a v or = prefix", () => {
    expectEqual("npm", "1", "1.0.0");
    expectEqual("npm", "v1.2", "1.2.0");
    expectEqual("npm", "=1.2.3", "1.2.3");
    expectAscending("Hex", ["1", "1.1", "1.1.1"]);
  });

  it("handles Go's v prefix, pseudo-versions and +incompatible", () => {
    expectAscending("Go", [
      "v0.0.0-20190308221718-c2843e01d9a2",
      "v0.0.0-20200101000000-abcdefabcdef",
      "v0.1.0",
      "v1.2.3-pre.0.20191109021931-daa7c04131f5",
      "v1.2.3",
    ]);
    expectEqual("Go", "v2.0.0+incompatible", "2.0.0");
    expectAscending("Go", ["v1.9.9", "v2.0.0+incompatible", "v2.0.1+incompatible"]);
  });

  it("orders Pub build numbers after the release", () => {
    expectAscending("Pub", ["1.0.0-dev", "1.0.0", "1.0.0+1", "1.0.0+2", "1.0.0+10", "1.0.1"]);
  });

  it("compares NuGet 4-part versions and labels case-insensitively", () => {
    expectEqual("NuGet", "1.0.0-RC1", "1.0.0-rc1");
    expectEqual("NuGet", "1.0.0.0", "1.0.0");
    expectAscending("NuGet", ["1.0.0-beta", "1.0.0", "1.0.0.1", "1.0.1", "13.0.1"]);
  });

  it("breaks ties on build metadata for SEMVER ranges, Julia and crates.io", () => {
    expectAscending("SEMVER", ["0.0.0", "1.0.0-rc.1", "1.0.0", "1.0.0+0", "1.0.0+2", "1.0.0+10", "1.0.1"]);
    expectAscending("Julia", ["4.3.1+0", "4.3.1+2", "4.3.2+0"]);
    expectAscending("crates.io", ["1.0.0+build.1", "1.0.0+build.2"]);
  });

  it("uses plain SemVer for Bitnami", () => {
    expectAscending("Bitnami", ["7.4.33", "8.0.0", "8.0.29"]);
  });

  it("sorts invalid versions before valid ones without throwing", () => {
    expect(isValidVersion("npm", "not-a-version")).toBe(false);
    expect(isValidVersion("npm", "1.2.3-beta.1+sha.abc")).toBe(true);
    expect(compareVersions("npm", "garbage", "0.0.1")).toBe(-1);
    expect(compareVersions("npm", "0.0.1", "garbage")).toBe(1);
    expectAscending("npm", ["", "abc", "abd", "0.0.0"]);
  });
});
