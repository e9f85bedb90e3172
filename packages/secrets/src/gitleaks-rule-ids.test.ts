import { describe, expect, it } from "vitest";
import { ignoreRuleIds, RULES_WITH_GITLEAKS_IDS } from "./gitleaks-rule-ids.js";
import { builtinRules } from "./rules/index.js";

describe("gitleaks rule ids", () => {
  it("name only built-in rules, and keep each rule's own id first", () => {
    const ids = new Set(builtinRules.map((r) => r.id));
    for (const id of RULES_WITH_GITLEAKS_IDS) expect(ids.has(id), id).toBe(true);
    expect(ignoreRuleIds("private-key-openssh")).toEqual(["private-key-openssh", "private-key"]);
    expect(ignoreRuleIds("openai-api-key")).toEqual(["openai-api-key"]);
  });
});
