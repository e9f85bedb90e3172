import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDpkgStatus } from "./dpkg.js";

describe("parseDpkgStatus", () => {
  it("lists exactly what dpkg-query lists for this machine's database", () => {
    const packages = parseDpkgStatus(readFileSync("/var/lib/dpkg/status", "utf8"), "/var/lib/dpkg/status");
    const expected = execFileSync(
      "dpkg-query",
      ["-W", "-f", "${db:Status-Abbrev}|${Package}|${Version}|${source:Package}|${source:Version}\n"],
      {
        encoding: "utf8",
      },
    )
      .split("\n")
      .filter((l) => l.startsWith("ii") || l.startsWith("hi"))
      .map((l) => l.split("|").slice(1).join("|"))
      .sort();
    const got = packages.map((p) => `${p.name}|${p.version}|${p.sourceName}|${p.sourceVersion}`).sort();
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(50);
  });

  it("skips packages that are not installed and reads Source with its own version", () => {
    const text = [
      "Package: libssl3",
      "Status: install ok installed",
      "Architecture: amd64",
      "Source: openssl (3.0.15-1~deb12u1)",
      "Version: 3.0.15-1~deb12u1+b1",
      "Description: Secure Sockets Layer toolkit",
      " continuation line: with a colon",
      "",
      "Package: gone",
      "Status: deinstall ok config-files",
      "Version: 1.0",
      "",
      "Package: held",
      "Status: hold ok installed",
      "Version: 2.0",
      "",
    ].join("\n");
    expect(parseDpkgStatus(text, "status")).toEqual([
      {
        name: "libssl3",
        version: "3.0.15-1~deb12u1+b1",
        arch: "amd64",
        sourceName: "openssl",
        sourceVersion: "3.0.15-1~deb12u1",
      },
      { name: "held", version: "2.0", sourceName: "held", sourceVersion: "2.0" },
    ]);
  });

  it("names the file and line of a broken paragraph", () => {
    expect(() => parseDpkgStatus("Package: a\nVersion: 1\n\nnot a field\n", "/var/lib/dpkg/status")).toThrow(
      '/var/lib/dpkg/status:4: expected "Field: value"',
    );
    expect(() => parseDpkgStatus("Package: a\nStatus: install ok installed\n", "/x")).toThrow(
      "/x:1: package a has no Version field",
    );
  });
});
