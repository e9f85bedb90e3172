import { describe, expect, it } from "vitest";
import { compareVersions, isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("Debian and Ubuntu (dpkg)", () => {
  it("sorts ~ before everything, even the end of the string (Policy §5.6.12)", () => {
    expectAscending("Debian", ["1.0~~", "1.0~~a", "1.0~", "1.0", "1.0a"]);
    expectAscending(
      "Debian:12",
      ["~~", "~~a", "~", "", "a"].map((s) => `1${s}`),
    );
  });

  it("sorts letters before non-letters in non-digit parts", () => {
    expectAscending("Debian", ["1.0a", "1.0z", "1.0+", "1.0."]);
    expectAscending("Ubuntu:22.04:LTS", ["1.2.3", "1.2.3+b1", "1.2.3+deb12u1"]);
  });

  it("compares epochs first, then upstream, then revision", () => {
    expectAscending("Debian", ["9.9-9", "1:0.1-1", "1:0.1-2", "1:0.1-10", "2:0"]);
    expectAscending("Debian", ["2.36-9+deb12u3", "2.36-9+deb12u4", "2.36-9+deb12u10"]);
    expectAscending("Ubuntu", ["1.1.1f-1ubuntu2.19", "1.1.1f-1ubuntu2.20", "3.0.2-0ubuntu1.15"]);
  });

  it("treats an absent revision, leading zeros and epoch 0 as equal", () => {
    expectEqual("Debian", "1.0", "1.0-0");
    expectEqual("Debian", "0:1.0-1", "1.0-1");
    expectEqual("Debian", "1.001", "1.1");
  });

  it("rejects malformed versions and sorts them first", () => {
    expect(isValidVersion("Debian", "x:1.0")).toBe(false);
    expect(isValidVersion("Debian", "1.0 beta")).toBe(false);
    expect(isValidVersion("Debian", "1:2.3-4+b1")).toBe(true);
    expect(compareVersions("Debian", "x:1.0", "0")).toBe(-1);
  });
});
