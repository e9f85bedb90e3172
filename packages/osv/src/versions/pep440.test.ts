import { describe, expect, it } from "vitest";
import { isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("PyPI (PEP 440)", () => {
  it("orders the PEP 440 summary example", () => {
    // From PEP 440 "Summary of permitted suffixes and relative ordering".
    expectAscending("PyPI", [
      "1.dev0",
      "1.0.dev456",
      "1.0a1",
      "1.0a2.dev456",
      "1.0a12.dev456",
      "1.0a12",
      "1.0b1.dev456",
      "1.0b2",
      "1.0b2.post345.dev456",
      "1.0b2.post345",
      "1.0rc1.dev456",
      "1.0rc1",
      "1.0",
      "1.0+abc.5",
      "1.0+abc.7",
      "1.0+5",
      "1.0.post456.dev34",
      "1.0.post456",
      "1.0.15",
      "1.1.dev1",
    ]);
  });

  it("normalises spellings and ignores trailing zeros", () => {
    expectEqual("PyPI", "1.0", "1.0.0");
    expectEqual("PyPI", "1.0c1", "1.0rc1");
    expectEqual("PyPI", "1.0-alpha.1", "1.0a1");
    expectEqual("PyPI", "1.0-post-3", "1.0.post3");
    expectEqual("PyPI", "v2.1", "2.1");
  });

  it("puts epochs above everything", () => {
    expectAscending("PyPI", ["2024.1", "1!0.1", "1!1.0", "2!0.0.1"]);
  });

  it("sorts legacy (non-PEP 440) versions before valid ones", () => {
    expect(isValidVersion("PyPI", "2004d")).toBe(false);
    expectAscending("PyPI", ["french toast", "2004d", "0.0.1"]);
  });
});
