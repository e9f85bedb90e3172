import { describe, expect, it } from "vitest";
import { compileSecretsConfig } from "./custom-rules.js";
import { importGitleaksConfig } from "./gitleaks-config.js";
import { translateGoRegex } from "./go-regex.js";
import { SecretScanner } from "./scanner.js";

const toml = `
title = "acme"

[extend]
useDefault = true

[[rules]]
id = "acme-api-key"
description = "ACME API key"
regex = '''(?i)acme[_-]?key\\s*[:=]\\s*['"]?([[:alnum:]]{32})'''
secretGroup = 1
entropy = 3.5
keywords = ["ACME"]
path = '''\\.(?:env|ya?ml)$'''

  [[rules.allowlists]]
  regexes = ['''^test''']
  stopwords = ["sandbox"]

[[rules]]
id = "path-only"
path = '''\\.p12$'''

[allowlist]
description = "global"
paths = ['''(?:^|/)fixtures/''']
stopwords = ["dummy"]
`;

describe("importGitleaksConfig", () => {
  it("reads rules and allowlists and translates Go regex syntax", () => {
    const { config, problems } = importGitleaksConfig(toml, ".gitleaks.toml");
    expect(problems).toEqual([
      expect.objectContaining({ level: "warning", message: expect.stringContaining('rule "path-only"') }),
    ]);
    expect(config.useDefaultRules).toBe(true);
    expect(config.rules).toHaveLength(1);
    const rule = config.rules![0]!;
    expect(rule).toMatchObject({ id: "acme-api-key", flags: "i", secretGroup: 1, entropy: 3.5 });
    expect(rule.regex).toContain("[A-Za-z0-9]{32}");

    const compiled = compileSecretsConfig(config, { file: ".gitleaks.toml" });
    expect(compiled.problems.filter((p) => p.level !== "notice")).toEqual([]);
    const scanner = new SecretScanner({ extraRules: compiled.extraRules, allowlist: compiled.allowlist });
    const key = "Q7w2Lm9Xa4Rt8Kp3Zc6Vb1Nd5Hs0Jf2G";
    const hit = scanner.scanText({ path: "app.env", text: `ACME_KEY=${key}` }).findings;
    expect(hit.map((f) => f.ruleId)).toEqual(["acme-api-key"]);
    expect(scanner.scanText({ path: "app.ts", text: `ACME_KEY=${key}` }).findings).toEqual([]);
    expect(scanner.scanText({ path: "test/fixtures/app.env", text: `ACME_KEY=${key}` }).skipped).toBe(
      "allowlisted-path",
    );
    expect(scanner.scanText({ path: "app.env", text: `ACME_KEY=test${key.slice(4)}` }).findings).toEqual([]);
  });

  it("names the line of a TOML syntax error", () => {
    const { problems } = importGitleaksConfig('title = "x"\n[[rules]\nid = 1\n', ".gitleaks.toml");
    expect(problems).toEqual([expect.objectContaining({ level: "error", path: ".gitleaks.toml", line: 2 })]);
  });

  it("without [extend] the config replaces the default rules", () => {
    expect(importGitleaksConfig("[[rules]]\nid='x'\nregex='''y'''\n", "f").config.useDefaultRules).toBe(
      false,
    );
  });

  it("refuses Go syntax it cannot translate, naming the rule", () => {
    expect(() => translateGoRegex("a(?i:b)")).toThrow(/inline flag/);
    expect(translateGoRegex("(?P<k>x)\\z")).toEqual({ source: "(?<k>x)$", flags: "" });
    const { problems } = importGitleaksConfig("[[rules]]\nid='bad'\nregex='''(?U)a+'''\n", "f");
    expect(problems[0]?.message).toMatch(/rule "bad".*ungreedy/);
  });
});

describe("compileSecretsConfig", () => {
  it("refuses invalid and catastrophically backtracking regexes with error problems", () => {
    const { extraRules, problems } = compileSecretsConfig(
      {
        rules: [
          { id: "nested", regex: "(x+x+)+y" },
          { id: "broken", regex: "(unclosed" },
          { id: "fine", regex: "fine_[a-z]{10}", keywords: ["FINE_"] },
          { id: "fine", regex: "dup" },
        ],
      },
      { file: ".github/bulwark.yml" },
    );
    expect(extraRules.map((r) => r.id)).toEqual(["fine"]);
    expect(extraRules[0]!.keywords).toEqual(["fine_"]);
    expect(
      problems.filter((p) => p.level !== "notice").map((p) => [p.level, p.message.split(":")[0]]),
    ).toEqual([
      ["error", 'rule "nested"'],
      ["error", 'rule "broken"'],
      ["error", 'rule "fine"'],
    ]);
  });
});
