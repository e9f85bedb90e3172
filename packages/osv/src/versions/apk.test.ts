import { describe, expect, it } from "vitest";
import { isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("Alpine (apk)", () => {
  it("orders pre-release and post-release suffixes around the release", () => {
    expectAscending("Alpine", [
      "1.0_alpha",
      "1.0_alpha2",
      "1.0_beta",
      "1.0_pre1",
      "1.0_rc1",
      "1.0",
      "1.0_cvs",
      "1.0_svn",
      "1.0_git20240101",
      "1.0_hg",
      "1.0_p1",
      "1.0_p2",
    ]);
  });

  it("orders numbers, letters and revisions", () => {
    expectAscending("Alpine:v3.20", ["1.2", "1.2a", "1.2b", "1.2.0", "1.2.0a", "1.3", "1.10"]);
    expectAscending("Alpine", ["3.0.8-r0", "3.0.8-r1", "3.0.8-r10", "3.0.9-r0", "3.1.4-r5"]);
    expectEqual("Alpine", "1.0", "1.0-r0");
  });

  it("compares later components with leading zeros as fractions", () => {
    expectAscending("Alpine", ["1.01", "1.1"]);
    expectEqual("Alpine", "1.010", "1.01");
  });

  it("rejects strings outside the grammar", () => {
    expect(isValidVersion("Alpine", "1.0_foo")).toBe(false);
    expect(isValidVersion("Alpine", "1.0-1")).toBe(false);
    expect(isValidVersion("Alpine", "2.4.58_git20240101-r1")).toBe(true);
  });
});
