import { describe, expect, it } from "vitest";
import { isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("CRAN, Hackage and GHC", () => {
  it("compares CRAN components split by . or -", () => {
    expectAscending("CRAN", ["0.9.12", "1.0", "1.0.0", "1.2.2", "1.2.2-1", "1.2.2-2", "1.2.10"]);
    expectEqual("CRAN", "1.2-2", "1.2.2");
  });

  it("compares Hackage and GHC components numerically, longer after shorter", () => {
    expectAscending("Hackage", ["0", "0.1", "0.1.0.0", "0.2.0.0", "0.20110417", "1.0.0.0", "6.20180626"]);
    expectAscending("GHC", ["9.2.4", "9.2.5", "9.4.2", "9.10.1", "9.12.2"]);
  });

  it("rejects non-numeric versions", () => {
    expect(isValidVersion("Hackage", "1.0-beta")).toBe(false);
    expect(isValidVersion("CRAN", "1.0.0.9000")).toBe(true);
  });
});
