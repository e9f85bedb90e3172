import { describe, expect, it } from "vitest";
import { byteLength, clipBytes, fitLines } from "./byte-budget.js";

describe("fitLines", () => {
  const note = (n: number) => `(${n} more)`;

  it("keeps everything that fits", () => {
    expect(fitLines(["a", "b"], 4, note)).toEqual({ lines: ["a", "b"], omitted: 0 });
  });

  it("keeps a prefix and a note that together fit", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} é`);
    const { lines: kept, omitted } = fitLines(lines, 200, note);
    expect(byteLength(kept.join("\n")) + 1).toBeLessThanOrEqual(200);
    expect(kept.at(-1)).toBe(`(${omitted} more)`);
    expect(kept.length - 1 + omitted).toBe(100);
  });
});

describe("clipBytes", () => {
  it("cuts at a line boundary without splitting a character", () => {
    expect(clipBytes("ab\ncd\nef", 7)).toBe("ab\ncd\n");
    expect(clipBytes("ééé", 5)).toBe("éé");
    expect(clipBytes("short", 100)).toBe("short");
  });
});
