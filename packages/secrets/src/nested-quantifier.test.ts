import { describe, expect, it } from "vitest";
import { nestedUnboundedRepetition } from "./nested-quantifier.js";
import { builtinRules } from "./rules/index.js";

describe("nestedUnboundedRepetition", () => {
  it("finds repeated groups around unbounded repetition", () => {
    for (const bad of ["^(a+)+$", "(\\w*,)*x", "(?:x|y+){2,}", "((ab)+c)*", "(a|[bc]+)+?d"])
      expect(nestedUnboundedRepetition(bad), bad).toBeDefined();
  });
  it("accepts bounded, optional and flat repetition", () => {
    for (const ok of [
      "(a+)?b",
      "(?:ab){2,5}",
      "[(+*]+x",
      "\\(a+\\)+",
      "(a{1,5})+",
      "(?:\\.[a-z]{2})?",
      "x(?:y+)z",
    ])
      expect(nestedUnboundedRepetition(ok), ok).toBeUndefined();
  });
  it("passes every shipped pattern", () => {
    const offenders = builtinRules
      .map((r) => [r.id, nestedUnboundedRepetition(r.pattern.source)] as const)
      .filter(([, why]) => why !== undefined);
    expect(offenders).toEqual([]);
  });
});
