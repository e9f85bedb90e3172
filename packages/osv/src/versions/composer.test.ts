import { describe, expect, it } from "vitest";
import { isValidVersion } from "./index.js";
import { expectAscending, expectEqual } from "./test-support/expect-order.js";

describe("Packagist (Composer)", () => {
  it("orders stabilities dev < alpha < beta < RC < stable < patch", () => {
    expectAscending("Packagist", [
      "1.0.0-dev",
      "1.0.0-alpha1",
      "1.0.0-alpha2",
      "1.0.0-beta1",
      "1.0.0-RC1",
      "1.0.0-RC2",
      "1.0.0",
      "1.0.0-patch1",
      "1.0.0.1",
      "1.0.1",
    ]);
  });

  it("normalises v prefixes, padding and short stability names", () => {
    expectEqual("Packagist", "v1.2", "1.2.0.0");
    expectEqual("Packagist", "1.0.0-a1", "1.0.0-alpha1");
    expectEqual("Packagist", "1.0.0-b2", "1.0.0.beta2");
    expectEqual("Packagist", "1.0.0-pl1", "1.0.0-p1");
    expectEqual("Packagist", "1.0.0-stable", "1.0.0");
    expectEqual("Packagist", "1.0.0-rc1", "1.0.0RC1");
  });

  it("orders Drupal core releases", () => {
    expectAscending("Packagist", ["7.0.0", "7.99.0", "8.0.0-beta1", "8.0.0", "8.9.20", "9.5.11", "10.1.8"]);
  });

  it("reads x-dev branches as the newest of their line", () => {
    expectAscending("Packagist", ["1.2.99", "1.2.x-dev", "1.3.0"]);
  });

  it("does not treat branch names as versions", () => {
    expect(isValidVersion("Packagist", "dev-main")).toBe(false);
    expect(isValidVersion("Packagist", "1.0.0-banana")).toBe(false);
  });
});
