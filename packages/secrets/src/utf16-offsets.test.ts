import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeywordMatcher, type KeywordPositions } from "./aho-corasick.js";
import { bytePositionsToUtf16 } from "./utf16-offsets.js";

const positions = (n: number): KeywordPositions => ({ wanted: new Uint8Array(n).fill(1), starts: [] });

describe("bytePositionsToUtf16", () => {
  it("turns keyword offsets in UTF-8 bytes into the offsets a pass over the decoded string finds", () => {
    const keywords = ["ab", "b_c", "token"];
    const m = new KeywordMatcher(keywords);
    // 1-, 2-, 3- and 4-byte characters (é, €, 😀, 中), around and between keywords; long texts take the
    // matcher's four-chain path.
    const piece = fc.constantFrom("ab", "b_c", "TOKEN", "x", " ", "é", "€", "😀", "中", "\n");
    fc.assert(
      fc.property(
        fc.oneof(fc.array(piece, { maxLength: 40 }), fc.array(piece, { minLength: 600, maxLength: 1200 })),
        (pieces) => {
          const text = pieces.join("");
          const fromBytes = positions(keywords.length);
          m.findInBytes(Buffer.from(text, "utf8"), fromBytes);
          bytePositionsToUtf16(text, fromBytes);
          const fromText = positions(keywords.length);
          m.find(text, fromText);
          expect(fromBytes.starts).toEqual(fromText.starts);
        },
      ),
      { numRuns: 200 },
    );
  });
});
