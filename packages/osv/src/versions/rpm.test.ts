import { describe, expect, it } from "vitest";
import { compareVersions, isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("RPM (rpmvercmp)", () => {
  it("compares numeric segments numerically and ignores separators", () => {
    expectAscending("Red Hat", ["1.0", "1.0.1", "1.1", "1.10", "2.0"]);
    expectEqual("Rocky Linux:9", "1.0", "1_0");
    expectEqual("AlmaLinux:8", "1.01", "1.1");
  });

  it("puts numbers above letters and more segments above fewer", () => {
    expectAscending("openSUSE:Tumbleweed", ["1.0", "1.0a", "1.0.1"]);
    expectAscending("SUSE", ["1.a", "1.1"]);
  });

  it("sorts ~ before everything and ^ after the end", () => {
    // rpm's own test cases for the tilde and caret operators.
    expectAscending("Red Hat", ["1.0~rc1", "1.0", "1.0^", "1.0^git1", "1.0.1"]);
    expectAscending("Red Hat", ["1.0~rc1~git123", "1.0~rc1", "1.0~rc2"]);
    expectAscending("Red Hat", ["1.0^20160101", "1.0^20160102", "1.0.1"]);
    expectAscending("Red Hat", ["1.0^git1~pre", "1.0^git1"]);
  });

  it("compares epoch, version and release", () => {
    expectAscending("AlmaLinux:8", [
      "2.28-189.el8",
      "2.28-189.1.el8",
      "2.28-211.el8",
      "2.28-211.el8_8.2",
      "2.29-1.el8",
      "1:1.0-1.el8",
    ]);
    expectAscending("AlmaLinux:8", [
      "5.10.120-10.module_el8.3.0+2041+d1f204ad",
      "5.10.120-10.module_el8.5.0+94+18674043",
    ]);
  });

  it("rejects malformed epochs", () => {
    expect(isValidVersion("Red Hat", "x:1.0")).toBe(false);
    expect(compareVersions("Red Hat", "x:1.0", "0")).toBe(-1);
  });
});
