// .github/bulwark.yml fuzzing: arbitrary text, a real-shaped config with any value replaced by any other,
// alias bombs, deep nesting and oversized files. The only outcomes: values that then read as inputs, or a
// ConfigError whose every issue names the file (and a line within it when given).
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { commonInputs } from "../inputs/common.js";
import { readInputs } from "../inputs/read.js";
import { configSchemaForInputs } from "../inputs/schema.js";
import { input } from "../inputs/spec.js";
import { ConfigError } from "./errors.js";
import { loadConfig, parseConfig } from "./load.js";

const FILE = ".github/bulwark.yml";
const sectionInputs = [
  input.string("policy-file", { description: "SECURITY.md to read", default: "SECURITY.md" }),
  input.number("max-age-days", { description: "days", integer: true, min: 1 }),
] as const;
const sectionSchema = configSchemaForInputs(sectionInputs);
const specs = [...commonInputs, ...sectionInputs] as const;

const GOOD = `version: 1
defaults:
  fail-on: medium
  ignore:
    - id: CVE-2021-23337
      package: lodash
      reason: template() never receives user input
      until: 2026-06-30
osv-scan:
  fail-on: high
  ignore:
    - id: GHSA-jfh8-c2jp-5v3q
      path: "services/legacy/**"
      reason: JNDI lookups disabled by flag
supported-versions:
  max-age-days: 400
  policy-file: docs/SECURITY.md
secret-scan:
`;

const RAW = /Cannot read propert|is not a function|is not iterable|undefined \(reading|Maximum call stack/;

/** Parse, then read the inputs the way an action does; only ConfigError may escape, and it names the file. */
function outcome(text: string): void {
  const lineCount = text.split("\n").length;
  try {
    const config = parseConfig(text, FILE, { section: "supported-versions", sectionSchema });
    readInputs(specs, () => undefined, config);
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      throw new Error(`raw ${String(error)} on ${JSON.stringify(text.slice(0, 400))}`, { cause: error });
    }
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.message).not.toMatch(RAW);
      // Input-level issues name the input and its origin in the file; file-level ones carry the file.
      if (issue.file !== undefined) expect(issue.file).toBe(FILE);
      if (issue.line !== undefined) {
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.line).toBeLessThanOrEqual(lineCount + 1);
      }
    }
    expect(error.message).toContain(FILE);
  }
}

function replaceAt(value: unknown, choices: number[], replacement: unknown): unknown {
  if (choices.length === 0 || value === null || typeof value !== "object") return replacement;
  const [choice = 0, ...rest] = choices;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const copy = [...value];
    const i = choice % copy.length;
    copy[i] = replaceAt(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[choice % keys.length] ?? "";
  return { ...value, [key]: replaceAt((value as Record<string, unknown>)[key], rest, replacement) };
}

describe(`${FILE} fuzzing`, () => {
  it("the real-shaped config reads", () => {
    const config = parseConfig(GOOD, FILE, { section: "supported-versions", sectionSchema });
    expect(readInputs(specs, () => undefined, config).maxAgeDays).toBe(400);
  });

  it("any value replaced by any other", () => {
    const doc = parse(GOOD) as unknown;
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        null,
        [],
        {},
        "",
        0,
        -1,
        1e308,
        true,
        "2026-02-30",
        "critical",
        "__proto__",
        "../../etc/passwd",
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100 }), { maxLength: 5 }), replacement, (choices, value) => {
        outcome(stringify(replaceAt(doc, choices, value)));
      }),
      { numRuns: 400, seed: 10_6001 },
    );
  });

  it("damaged text", () => {
    const junk = fc.oneof(
      fc.constantFrom(
        ":",
        "- ",
        "&a ",
        "*a",
        "!!binary ",
        "!!js/function ",
        "<<: *a",
        "\t",
        "\n  ",
        "{",
        "[",
        "'",
        '"',
        "? ",
        "%YAML 1.1\n---\n",
        "---\n",
        "\u0000",
      ),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(fc.nat({ max: GOOD.length }), junk, fc.nat({ max: 30 }), (at, insert, remove) => {
        outcome(GOOD.slice(0, at) + insert + GOOD.slice(at + remove));
      }),
      { numRuns: 400, seed: 10_6002 },
    );
  });

  it("arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })),
        outcome,
      ),
      { numRuns: 300, seed: 10_6003 },
    );
  });
});

describe(`hostile ${FILE}`, () => {
  it("an alias bomb is refused without expanding it", () => {
    const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(",")}]`,
      );
    lines.push("defaults:\n  ignore: *a9");
    const started = Date.now();
    expect(() => parseConfig(lines.join("\n"), FILE)).toThrow(ConfigError);
    expect(() => parseConfig(lines.join("\n"), FILE)).toThrow(/bulwark\.yml/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("deep nesting fails as a ConfigError", () => {
    for (const depth of [500, 2_000, 8_000, 50_000]) {
      outcome(`defaults:\n  ignore: ${"[".repeat(depth)}${"]".repeat(depth)}\n`);
      outcome(`osv-scan:\n  ignore:\n    - id: ${"[".repeat(depth)}1${"]".repeat(depth)}\n`);
    }
    outcome(`defaults:\n  ignore: ${"{a: ".repeat(5_000)}1${"}".repeat(5_000)}\n`);
  });

  it("an oversized file is refused before it is read", async () => {
    const root = await mkdtemp(join(tmpdir(), "bulwark-config-fuzz-"));
    await mkdir(join(root, ".github"));
    await writeFile(join(root, FILE), `version: 1\n# ${"x".repeat(300 * 1024)}\n`);
    await expect(loadConfig(root)).rejects.toThrow(
      /bulwark\.yml: config file is \d+ bytes; the limit is 262144 bytes/,
    );
  });
});
