import { describe, expect, it } from "vitest";
import { leadingLiterals, startsAtKeyword } from "./keyword-start.js";

describe("leadingLiterals", () => {
  it("reads the literal every match starts with, through zero-width tokens, groups and optional parts", () => {
    expect(leadingLiterals(String.raw`\b(ghp_[A-Za-z0-9]{36})\b`)).toEqual(["ghp_"]);
    expect(leadingLiterals(String.raw`(?<![A-Z])(AKIA|ASIA)[A-Z2-7]{16}`)).toEqual(["AKIA", "ASIA"]);
    expect(leadingLiterals(String.raw`\b(dckr_(?:pat|oat)_\w{27})`)).toEqual(["dckr_pat_", "dckr_oat_"]);
    expect(leadingLiterals(String.raw`\b(?:https?|ftp):\/\/x`)).toEqual(["https://x", "http://x", "ftp://x"]);
    expect(leadingLiterals(String.raw`dp\.(?:pt|st)\.`)).toEqual(["dp.pt.", "dp.st."]);
  });

  it("stops at what may repeat or vary, and knows nothing of patterns without a literal start", () => {
    expect(leadingLiterals(String.raw`xox[abp]-\d+`)).toEqual(["xox"]);
    expect(leadingLiterals(String.raw`sk-a*b`)).toEqual(["sk-"]);
    expect(leadingLiterals(String.raw`(?:ab)+c`)).toBeUndefined();
    expect(leadingLiterals(String.raw`[sr]k_test_`)).toBeUndefined();
    expect(leadingLiterals(String.raw`\d{8}:AA`)).toBeUndefined();
    expect(leadingLiterals(String.raw`(?:x|)y`)).toEqual(["xy", "y"]);
    expect(leadingLiterals(String.raw`(?:x|)\d`)).toBeUndefined();
  });
});

describe("startsAtKeyword", () => {
  it("holds only when one of the keywords is a prefix of every literal start, case-insensitively", () => {
    expect(startsAtKeyword(/\b(AKIA|ASIA)[A-Z2-7]{16}/, ["akia", "asia"])).toBe(true);
    expect(startsAtKeyword(/\b(AKIA|ABIA)[A-Z2-7]{16}/, ["akia"])).toBe(false);
    expect(startsAtKeyword(/xox[abp]-/, ["xoxb-"])).toBe(false);
    expect(startsAtKeyword(/\b(sk_(?:live|test)_\w+)/, ["paystack"])).toBe(false);
    expect(startsAtKeyword(/ghp_\w+/, [])).toBe(false);
  });
});
