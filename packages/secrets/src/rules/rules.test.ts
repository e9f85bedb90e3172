// Every rule's own examples: each true-positive template must be found by that rule alone, no
// false-positive template may be; and the full rule set must report each true positive by some rule.
import { describe, expect, it } from "vitest";
import { expandExample } from "../examples.js";
import { SecretScanner } from "../scanner.js";
import { builtinRules, ruleFamilies } from "./index.js";

describe("built-in rules", () => {
  it("has unique ids, lowercase keywords and at least one true-positive example each", () => {
    const ids = builtinRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of builtinRules) {
      expect(r.examples.tp.length, r.id).toBeGreaterThan(0);
      for (const kw of r.keywords) expect(kw, r.id).toBe(kw.toLowerCase());
    }
  });

  it("has at least 150 rules across the families", () => {
    expect(builtinRules.length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(ruleFamilies).length).toBeGreaterThanOrEqual(9);
  });

  const all = new SecretScanner({ testPaths: { mode: "keep" } });

  for (const rule of builtinRules) {
    describe(rule.id, () => {
      const alone = new SecretScanner({ rules: [rule], testPaths: { mode: "keep" } });
      const path = rule.examples.path ?? "config/app.env";
      rule.examples.tp.forEach((template, i) => {
        it(`finds tp #${i}`, () => {
          const text = expandExample(template, rule.id);
          const found = alone.scanText({ path, text }).findings;
          expect(
            found.map((f) => f.ruleId),
            text.slice(0, 200),
          ).toContain(rule.id);
          // The secret is inside the example and the redacted evidence never holds it.
          for (const f of found) {
            expect(text).toContain(f.secret);
            expect(JSON.stringify(f)).not.toContain(f.secret);
          }
          expect(all.scanText({ path, text }).findings.length).toBeGreaterThan(0);
        });
      });
      rule.examples.fp.forEach((template, i) => {
        it(`ignores fp #${i}`, () => {
          const text = expandExample(template, rule.id);
          expect(
            alone.scanText({ path, text }).findings.map((f) => f.ruleId),
            text.slice(0, 200),
          ).not.toContain(rule.id);
        });
      });
    });
  }
});
