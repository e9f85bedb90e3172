import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasLongByteLine, hasLongLine } from "./long-line.js";

const naive = (text: string, max: number) => text.split("\n").some((line) => line.length > max);

describe("hasLongLine", () => {
  it("agrees with splitting into lines, on text and on bytes", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\n]{0,80}$/), fc.integer({ min: 0, max: 12 }), (text, max) => {
        expect(hasLongLine(text, max)).toBe(naive(text, max));
        expect(hasLongByteLine(Buffer.from(text), max)).toBe(naive(text, max));
      }),
      { numRuns: 3000 },
    );
  });
});
