import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeywordMatcher } from "./aho-corasick.js";

describe("KeywordMatcher", () => {
  it("finds overlapping and nested keywords case-insensitively", () => {
    const m = new KeywordMatcher(["he", "she", "his", "hers", "ghp_"]);
    expect([...m.find("uSHErs")].sort()).toEqual([0, 1, 3]);
    expect([...m.find("GHP_x")]).toEqual([4]);
    expect([...m.find("nothing here?")]).toEqual([0]);
    expect([...m.find("")]).toEqual([]);
  });

  it("matches UTF-8 bytes as it matches the decoded text, and refuses keywords it could not", () => {
    const m = new KeywordMatcher(["token", "ghp_"]);
    expect([...m.findInBytes(Buffer.from("const tökén = 1; // TOKEN ✓ GHP_"))].sort()).toEqual([0, 1]);
    expect([...m.findInBytes(Buffer.from("tök"))]).toEqual([]);
    expect(() => new KeywordMatcher(["clé"])).toThrow(/not ASCII/);
  });

  it("agrees with a naive search", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-d_.-]{1,4}$/), { minLength: 1, maxLength: 8 }),
        fc.stringMatching(/^[a-dA-D_.x -]{0,60}$/),
        (keywords, text) => {
          const m = new KeywordMatcher(keywords);
          const expected = keywords.flatMap((k, i) => (text.toLowerCase().includes(k) ? [i] : []));
          expect([...m.find(text)].sort((a, b) => a - b)).toEqual(expected);
          expect([...m.findInBytes(Buffer.from(text))].sort((a, b) => a - b)).toEqual(expected);
        },
      ),
    );
  });
});
