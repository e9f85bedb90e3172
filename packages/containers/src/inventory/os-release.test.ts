import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { osInfoFromRelease, osvEcosystem, parseOsRelease } from "./os-release.js";

describe("os-release", () => {
  it("reads this machine's /etc/os-release", () => {
    const text = readFileSync("/etc/os-release", "utf8");
    const values = parseOsRelease(text);
    const info = osInfoFromRelease(text);
    expect(info.id).toBe(values.ID);
    if (values.ID === "debian") expect(info.ecosystem).toBe(`Debian:${values.VERSION_ID}`);
  });

  it("unquotes values and ignores comments", () => {
    const values = parseOsRelease(
      '# c\nPRETTY_NAME="Alpine Linux v3.20"\nID=alpine\nVERSION_ID=3.20.3\nX=\'a b\'\nY="q\\"x"\n',
    );
    expect(values).toEqual({
      PRETTY_NAME: "Alpine Linux v3.20",
      ID: "alpine",
      VERSION_ID: "3.20.3",
      X: "a b",
      Y: 'q"x',
    });
  });

  it.each([
    ["debian", "12", "Debian:12"],
    ["debian", "11", "Debian:11"],
    ["ubuntu", "22.04", "Ubuntu:22.04:LTS"],
    ["ubuntu", "24.04", "Ubuntu:24.04:LTS"],
    ["ubuntu", "25.04", "Ubuntu:25.04"],
    ["ubuntu", "23.10", "Ubuntu:23.10"],
    ["alpine", "3.20.3", "Alpine:v3.20"],
    ["alpine", "3.19.0", "Alpine:v3.19"],
    ["debian", undefined, undefined],
    ["fedora", "40", undefined],
    ["almalinux", "9.4", "AlmaLinux:9"],
    ["rocky", "8.10", "Rocky Linux:8"],
    ["mageia", "9", "Mageia:9"],
    ["opensuse-leap", "15.5", "openSUSE:Leap 15.5"],
    ["rhel", "9.4", undefined],
    ["amzn", "2023", undefined],
  ])("%s %s -> %s (names as in the OSV exports)", (id, version, expected) => {
    expect(osvEcosystem(id, version)).toBe(expected);
  });
});
