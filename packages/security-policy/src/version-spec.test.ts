import semver from "semver";
import { describe, expect, it } from "vitest";
import { parseVersionSpec, specCovers } from "./version-spec.js";

const covers = (cell: string, version: string, latest?: string) =>
  specCovers(
    parseVersionSpec(cell),
    new semver.SemVer(version),
    latest ? new semver.SemVer(latest) : undefined,
  );

describe("parseVersionSpec", () => {
  it.each([
    ["1.0.x", "1.0.7", true],
    ["1.0.x", "1.1.0", false],
    ["2.x.x", "2.9.1", true],
    ["2.x.x", "3.0.0", false],
    ["0.1.x", "0.1.4", true],
    ["0.1.x", "0.2.0", false],
    ["5.1", "5.1.9", true],
    ["5.1", "5.2.0", false],
    ["1.x", "1.99.0", true],
    [">= 1.2", "1.2.0", true],
    [">= 1.2", "1.1.9", false],
    ["< 1.0", "0.9.9", true],
    ["< 1.0", "1.0.0", false],
    ["<= 2.3", "2.3.5", true],
    ["<= 2.3", "2.4.0", false],
    ["> 2", "3.0.0", true],
    ["> 2", "2.5.0", false],
    ["1.2 - 1.4", "1.4.3", true],
    ["1.2 - 1.4", "1.5.0", false],
    ["1.x - 2.x", "2.7.0", true],
    ["5.1, 5.2", "5.2.1", true],
    ["5.1, 5.2", "5.3.0", false],
    ["v3.x", "3.1.0", true],
    ["`4.2.x` (LTS)", "4.2.3", true],
    ["3.0+", "4.1.0", true],
    ["2.0 and above", "2.1.0", true],
    ["≥ 6", "6.0.0", true],
    ["*", "9.9.9", true],
    [">= 1.2, < 2.0", "1.5.0", true],
    [">= 1.2, < 2.0", "2.0.0", false],
    [">= 1.2, < 2.0", "1.1.0", false],
  ])("%s covers %s: %s", (cell, version, expected) => {
    expect(covers(cell, version)).toBe(expected);
  });

  it("treats latest/main as the latest release", () => {
    for (const cell of ["latest", "Latest release", "main", "master", "current"]) {
      expect(parseVersionSpec(cell).kind).toBe("latest");
      expect(covers(cell, "2.0.0", "2.0.0")).toBe(true);
      expect(covers(cell, "1.0.0", "2.0.0")).toBe(false);
    }
  });

  it("treats next/nightly/develop as branches ahead of every release", () => {
    for (const cell of ["next", "Nightly", "develop", "`canary`"]) {
      expect(parseVersionSpec(cell).kind).toBe("development");
      expect(covers(cell, "2.0.0", "2.0.0")).toBe(false);
    }
  });

  it("reads lists joined by ||, 'and' and 'or'", () => {
    expect(covers("1.x || 3.x", "3.2.0")).toBe(true);
    expect(covers("2.x and 3.x", "2.0.1")).toBe(true);
    expect(covers("4.1 or 4.2", "4.3.0")).toBe(false);
  });

  it("reports cells it cannot read instead of guessing", () => {
    expect(parseVersionSpec("the old one").kind).toBe("unparsed");
    expect(parseVersionSpec("").kind).toBe("unparsed");
  });
});
