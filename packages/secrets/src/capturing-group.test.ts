import { describe, expect, it } from "vitest";
import { hasCapturingGroup } from "./capturing-group.js";
import { builtinRules } from "./rules/index.js";

/** The group count as the regex engine sees it. */
const groups = (source: string) => new RegExp(`${source}|`).exec("")!.length - 1;

describe("hasCapturingGroup", () => {
  it("agrees with the regex engine on every shipped pattern and on the tricky forms", () => {
    const sources = [
      ...builtinRules.map((r) => r.pattern.source),
      String.raw`(?:a)(?=b)(?!c)(?<=d)(?<!e)`,
      String.raw`\(x\)[(](?:y)`,
      String.raw`[\]()](?<name>z)`,
      String.raw`[^]](a)`,
      String.raw`a\\(b)`,
    ];
    for (const source of sources) expect(hasCapturingGroup(source), source).toBe(groups(source) > 0);
  });
});
