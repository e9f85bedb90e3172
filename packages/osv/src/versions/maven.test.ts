import { describe, expect, it } from "vitest";
import { compareVersions } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("Maven (ComparableVersion)", () => {
  it("orders qualifiers as the Version Order Specification lists them", () => {
    expectAscending("Maven", [
      "1-alpha",
      "1-beta",
      "1-milestone",
      "1-rc",
      "1-snapshot",
      "1",
      "1-sp",
      "1-abc",
      "1-xyz",
      "1-1",
      "1.1",
    ]);
  });

  it("treats aliases and padding as equal (specification examples)", () => {
    expectEqual("Maven", "1", "1.0");
    expectEqual("Maven", "1", "1.0.0");
    expectEqual("Maven", "1.0", "1-0");
    expectEqual("Maven", "1", "1-ga");
    expectEqual("Maven", "1", "1-final");
    expectEqual("Maven", "1", "1-release");
    expectEqual("Maven", "1-rc", "1-cr");
    expectEqual("Maven", "1a1", "1-alpha-1");
    expectEqual("Maven", "1-b2", "1-beta-2");
    expectEqual("Maven", "1M3", "1-milestone-3");
    expectEqual("Maven", "1.0.0.RELEASE", "1.0.0");
    expectEqual("Maven", "1-FOO", "1-foo");
  });

  it("weighs separators as ComparableVersion does: .qualifier < -qualifier < -number < .number", () => {
    expectAscending("Maven", ["1.foo", "1-foo", "1-1", "1.1"]);
    expectAscending("Maven", ["1-sp", "1-1"]);
  });

  it("orders real release trains", () => {
    expectAscending("Maven", [
      "2.0-beta9",
      "2.0-rc1",
      "2.0",
      "2.3.1",
      "2.12.2",
      "2.15.0",
      "2.16.0",
      "2.17.0",
      "2.17.1",
    ]);
    expectAscending("Maven", ["5.3.0-SNAPSHOT", "5.3.0", "5.3.0.1", "5.3.1"]);
    expectAscending("Maven", ["1.0.0.Beta1", "1.0.0.CR1", "1.0.0.Final", "1.0.0.SP1"]);
  });

  it("never throws on odd input", () => {
    expect(compareVersions("Maven", "...", "---")).toBeTypeOf("number");
    expect(compareVersions("Maven", "", "1")).toBe(-1);
  });
});
