import { describe, expect, it } from "vitest";
import { parseApkInstalled } from "./apk.js";

// The layout of /lib/apk/db/installed (apk-tools' database format): one record per package.
const INSTALLED = [
  "C:Q1fdo0pxOaNaR+JSMt3nIDwMUWy1U=",
  "P:musl",
  "V:1.2.5-r0",
  "A:x86_64",
  "S:411323",
  "I:651264",
  "T:the musl c library (libc) implementation",
  "o:musl",
  "m:Timo Teräs <timo.teras@iki.fi>",
  "F:lib",
  "R:ld-musl-x86_64.so.1",
  "",
  "P:libcrypto3",
  "V:3.3.2-r0",
  "A:x86_64",
  "o:openssl",
  "",
].join("\n");

describe("parseApkInstalled", () => {
  it("reads name, version, arch and origin", () => {
    expect(parseApkInstalled(INSTALLED, "/lib/apk/db/installed")).toEqual([
      { name: "musl", version: "1.2.5-r0", arch: "x86_64", origin: "musl" },
      { name: "libcrypto3", version: "3.3.2-r0", arch: "x86_64", origin: "openssl" },
    ]);
  });

  it("names the file and line of bad records", () => {
    expect(() => parseApkInstalled("P:a\nV:1\n\nV:2\n", "/lib/apk/db/installed")).toThrow(
      "/lib/apk/db/installed:4: record without a P: (package name) line",
    );
    expect(() => parseApkInstalled("P:a\nnonsense\n", "/f")).toThrow('/f:2: expected "X:value"');
  });
});
