import { describe, expect, it } from "vitest";
import { compareVersions, ecosystemFamily, isValidVersion, SUPPORTED_ECOSYSTEMS } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("generic fallback", () => {
  it("uses natural order for unknown ecosystems", () => {
    expectAscending("Homebrew", ["1.2.4", "1.2.4_5", "1.2.10", "1.11.1_3"]);
    expectAscending("SomethingNew", ["a", "b", "1", "2", "10"]);
    expectEqual("SomethingNew", "1.0", "1-0");
  });

  it("keeps invalid strings in a total, stable order", () => {
    expect(compareVersions("Hackage", "x", "y")).toBe(-1);
    expect(compareVersions("Hackage", "y", "x")).toBe(1);
    // Equal in natural order but different strings: code points decide.
    expect(compareVersions("Hackage", "a-b", "a.b")).toBe(-1);
    expect(compareVersions("Hackage", "a.b", "a-b")).toBe(1);
    expect(isValidVersion("SomethingNew", "  ")).toBe(false);
  });
});

describe("ecosystemFamily", () => {
  it("strips release suffixes", () => {
    expect(ecosystemFamily("Debian:12")).toBe("Debian");
    expect(ecosystemFamily("Alpine:v3.20")).toBe("Alpine");
    expect(ecosystemFamily("Ubuntu:22.04:LTS")).toBe("Ubuntu");
    expect(ecosystemFamily("Ubuntu:Pro:18.04:LTS")).toBe("Ubuntu");
    expect(ecosystemFamily("Red Hat:enterprise_linux:9::appstream")).toBe("Red Hat");
    expect(ecosystemFamily("Rocky Linux:9")).toBe("Rocky Linux");
    expect(ecosystemFamily("AlmaLinux:8")).toBe("AlmaLinux");
    expect(ecosystemFamily("openSUSE:Tumbleweed")).toBe("openSUSE");
    expect(ecosystemFamily("SUSE:Linux Enterprise Server 15 SP5")).toBe("SUSE");
    expect(ecosystemFamily("npm")).toBe("npm");
  });

  it("lists the ecosystems with a dedicated ordering", () => {
    expect(SUPPORTED_ECOSYSTEMS).toEqual(
      expect.arrayContaining(["npm", "PyPI", "Maven", "Debian", "Alpine", "Red Hat"]),
    );
    expect(SUPPORTED_ECOSYSTEMS).not.toContain("SEMVER");
  });

  it("matches ecosystem names case-insensitively", () => {
    expect(compareVersions("pypi", "1.0a1", "1.0")).toBe(-1);
    expect(compareVersions("DEBIAN:11", "1.0~rc1", "1.0")).toBe(-1);
  });
});
