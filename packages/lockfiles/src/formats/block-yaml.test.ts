import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { readBlockYaml, UnsupportedYaml } from "./block-yaml.js";
import { readLockYaml } from "./lock-yaml.js";
import { sharedLockfiles, sharedLockfilesDir } from "./shared-lockfiles.js";

describe("block YAML reader", () => {
  const yamlFiles = [
    ...sharedLockfiles("pnpm-lock"),
    ...sharedLockfiles("yarn-lock").filter((f) => f.content.includes("__metadata:")),
    ...sharedLockfiles("pubspec-lock"),
  ];

  it.each(yamlFiles.map((f) => [f.name, f.content] as const))(
    "reads %s exactly as the yaml library does",
    (_name, content) => {
      expect(readBlockYaml(content, "x").value).toEqual(parse(content, { maxAliasCount: 100 }));
    },
  );

  it("keeps the line of every key", () => {
    const doc = readBlockYaml(
      "a: 1\nb:\n  'c d': [x, 'y']\n  e: {f: \"g\", h: i}\n  list:\n  - one\n  - 'two'\nz: ~\n",
      "x",
    );
    expect(doc.value).toEqual({
      a: 1,
      b: { "c d": ["x", "y"], e: { f: "g", h: "i" }, list: ["one", "two"] },
      z: null,
    });
    expect(doc.keyLines.get(doc.value)).toEqual(
      new Map([
        ["a", 1],
        ["b", 2],
        ["z", 8],
      ]),
    );
    expect(doc.keyLines.get(doc.value.b as object)).toEqual(
      new Map([
        ["c d", 3],
        ["e", 4],
        ["list", 5],
      ]),
    );
  });

  it("hands anything outside its subset to the full parser, with the same result", () => {
    const texts = [
      "a: &x 1\nb: *x\n",
      "a: |\n  text\n",
      "a: plain\n  continued\n",
      "? complex\n: value\n",
      "a:\n- b: 1\n",
    ];
    for (const text of texts) {
      expect(() => readBlockYaml(text, "x")).toThrow(UnsupportedYaml);
      expect(readLockYaml(text, "x").value).toEqual(parse(text));
    }
  });

  it("rejects duplicate keys, bad indentation and stray text with the line", () => {
    expect(() => readBlockYaml("a: 1\nb: 2\na: 3\n", "f")).toThrow(
      expect.objectContaining({ name: "ExtractorError", line: 3 }),
    );
    expect(() => readBlockYaml("a:\n    b: 1\n  c: 2\n", "f")).toThrow(expect.objectContaining({ line: 3 }));
    expect(() => readBlockYaml("a: 'x' y\n", "f")).toThrow(expect.objectContaining({ line: 1 }));
    expect(() => readBlockYaml("a: [x] y\n", "f")).toThrow(expect.objectContaining({ line: 1 }));
  });

  it("does not let a __proto__ key reach the prototype", () => {
    const doc = readBlockYaml("__proto__:\n  polluted: true\n", "x");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(doc.value)).toEqual(["__proto__"]);
  });

  it("is pointed at the shared lockfiles directory", () => {
    expect(readFileSync(`${sharedLockfilesDir}SOURCES.tsv`, "utf8")).toContain("pnpm-lock");
  });
});
