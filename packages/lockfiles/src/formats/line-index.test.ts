import { describe, expect, it } from "vitest";
import { DeclarationFinder, LineIndex } from "./line-index.js";

describe("LineIndex", () => {
  it("maps offsets to 1-based lines", () => {
    const lines = new LineIndex("a\nbb\n\nc");
    expect([0, 1, 2, 4, 5, 6, 99].map((o) => lines.lineAt(o))).toEqual([1, 1, 2, 2, 3, 4, 4]);
    expect(lines.lineCount).toBe(4);
  });
});

describe("DeclarationFinder", () => {
  it("finds declarations in order, wrapping around when the order differs", () => {
    const finder = new DeclarationFinder('{\n "a": {},\n "b": {"a": 1},\n "c": "x&y"\n}');
    expect(finder.jsonObjectKey("b")).toBe(3);
    expect(finder.jsonObjectKey("a")).toBe(2);
    expect(finder.jsonPair("c", "x&y")).toBe(4);
  });

  it("matches Go-style \\u0026 escapes in JSON strings", () => {
    const finder = new DeclarationFinder(
      '{\n "purl": "pkg:deb/debian/a@1?arch=amd64\\u0026distro=debian-11"\n}',
    );
    expect(finder.jsonPair("purl", "pkg:deb/debian/a@1?arch=amd64&distro=debian-11")).toBe(2);
  });

  it("stops searching after many misses so lookups stay linear", () => {
    const finder = new DeclarationFinder('"present": 1');
    for (let i = 0; i < 40; i++) expect(finder.jsonKey(`absent${i}`)).toBeUndefined();
    expect(finder.jsonKey("present")).toBeUndefined();
  });

  it("answers jsonPair from one pass per key: misses cost nothing, repeats go in document order", () => {
    const finder = new DeclarationFinder(
      '[\n {"ref": "a"},\n {"ref": "b\\"q"},\n {"ref": "a"},\n {"other": "a"}\n]',
    );
    for (let i = 0; i < 40; i++) expect(finder.jsonPair("ref", `absent${i}`)).toBeUndefined();
    expect(finder.jsonPair("ref", 'b"q')).toBe(3);
    expect(finder.jsonPair("ref", "a")).toBe(4);
    expect(finder.jsonPair("ref", "a")).toBe(2);
    expect(finder.jsonPair("other", "a")).toBe(5);
  });
});
