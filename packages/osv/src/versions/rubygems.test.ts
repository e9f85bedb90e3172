import { describe, expect, it } from "vitest";
import { isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("RubyGems (Gem::Version)", () => {
  it("orders prereleases (letters) before releases", () => {
    expectAscending("RubyGems", ["1.0.a", "1.0.a.1", "1.0.b", "1.0.rc1", "1.0", "1.0.1", "1.1.a", "1.1"]);
    expectAscending("RubyGems", ["1.16.0.rc1", "1.16.0", "1.16.2", "1.16.5", "1.18.4"]);
  });

  it("ignores trailing zeros and reads - as .pre.", () => {
    expectEqual("RubyGems", "1.0", "1");
    expectEqual("RubyGems", "1.0.0", "1");
    expectEqual("RubyGems", "1.0.a.0", "1.a");
    expectEqual("RubyGems", "1.0-1", "1.0.pre.1");
    expectAscending("RubyGems", ["1.0-1", "1.0"]);
  });

  it("orders multi-letter segments lexically", () => {
    expectAscending("RubyGems", ["2.0.0.alpha", "2.0.0.beta", "2.0.0.pre", "2.0.0.rc"]);
  });

  it("follows Gem::Version's well-formedness rule", () => {
    expect(isValidVersion("RubyGems", "1.2.3")).toBe(true);
    expect(isValidVersion("RubyGems", "1.2.3-java")).toBe(true);
    expect(isValidVersion("RubyGems", "junk")).toBe(false);
    expect(isValidVersion("RubyGems", "1..2")).toBe(false);
  });
});
