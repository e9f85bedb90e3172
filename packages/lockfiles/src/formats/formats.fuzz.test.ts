// Property-based fuzzing of every registered format, beyond the per-format malformed-input tests:
// arbitrary text under each format's name, structure-aware mutations of the real YAML and TOML files
// (a value of the wrong type anywhere), hostile YAML (alias bombs, deep nesting) and huge inputs.
// Allowed outcomes: records, or an ExtractorError (line within the file when given). Through extractFile:
// an error that starts with the file's name and is not a raw JavaScript exception message.
import fc from "fast-check";
import { stringify as stringifyToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { stringify as stringifyYaml } from "yaml";
import { extractFile } from "../extract-file.js";
import { ExtractorError, type Extractor } from "../extractor.js";
import { extractors } from "../registry.js";
import { memoryContext, sharedLockfiles } from "./shared-lockfiles.js";
import { parseTomlDocument } from "./toml-document.js";

/** One path each extractor claims by name (some formats match by suffix or directory). */
const CANDIDATE_PATHS = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "requirements.txt",
  "Pipfile.lock",
  "poetry.lock",
  "uv.lock",
  "pdm.lock",
  "pylock.toml",
  "Cargo.lock",
  "go.mod",
  "go.sum",
  "Gemfile.lock",
  "composer.lock",
  "pubspec.lock",
  "mix.lock",
  "renv.lock",
  "conan.lock",
  "Package.resolved",
  "cabal.project.freeze",
  "stack.yaml.lock",
  "pom.xml",
  "gradle.lockfile",
  "gradle/verification-metadata.xml",
  "packages.lock.json",
  "packages.config",
  "App.csproj",
  "App.deps.json",
  "bom.json",
  "bom.xml",
  "x.spdx.json",
  "x.spdx",
  "node_modules/@scope/pkg/package.json",
  "lib/a-1.0.dist-info/METADATA",
];

function pathFor(extractor: Extractor): string {
  const path = CANDIDATE_PATHS.find((p) => extractor.matches(p));
  if (!path) throw new Error(`no candidate path for ${extractor.name}`);
  return path;
}

const everyFormat = extractors.map((e) => [e.name, e, pathFor(e)] as const);

/** Message prefixes of raw engine exceptions that must never reach a user as the whole story. */
const RAW =
  /^(TypeError|RangeError|ReferenceError|SyntaxError|Error): |Cannot read propert|is not a function|is not iterable|undefined \(reading|Maximum call stack/;

async function outcome(extractor: Extractor, path: string, content: string): Promise<void> {
  const lineCount = content.split("\n").length;
  try {
    const records = await extractor.extract(content, memoryContext(path));
    expect(Array.isArray(records)).toBe(true);
    for (const r of records) {
      expect(typeof r.name).toBe("string");
      expect(typeof r.ecosystem).toBe("string");
      if (r.version !== undefined) expect(typeof r.version).toBe("string");
      if (r.line !== undefined) {
        expect(Number.isInteger(r.line)).toBe(true);
        expect(r.line).toBeGreaterThanOrEqual(1);
        expect(r.line).toBeLessThanOrEqual(lineCount + 1);
      }
    }
  } catch (error) {
    if (!(error instanceof ExtractorError)) {
      throw new Error(`${path}: raw ${String(error)} on ${JSON.stringify(content.slice(0, 300))}`, {
        cause: error,
      });
    }
    expect(error.message).not.toMatch(RAW);
    if (error.line !== undefined) {
      expect(Number.isInteger(error.line)).toBe(true);
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lineCount + 1);
    }
  }
}

/** Text that looks a little like every format: their punctuation and keywords in random order. */
const tokens = fc.constantFrom(
  "{",
  "}",
  "[",
  "]",
  "<",
  ">",
  "</",
  "/>",
  '"',
  "'",
  ":",
  ",",
  "=",
  "==",
  "\n",
  "\r\n",
  "  ",
  "- ",
  "#",
  "@",
  "&a ",
  "*a",
  "!!str ",
  "|",
  "version",
  "name",
  "packages",
  "dependencies",
  "lockfileVersion",
  "[[package]]",
  "GEM",
  "specs:",
  "require",
  "(",
  ")",
  "\u0000",
  "\uFEFF",
  "__proto__",
  "constructor",
  "1.2.3",
  "null",
  "true",
  "1e999",
  "-1",
);
const lookalike = fc
  .array(fc.oneof(tokens, fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(""));
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  lookalike,
);

describe.each(everyFormat)("%s on arbitrary text", (_name, extractor, path) => {
  it("reads it or fails with an ExtractorError", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, (text) => outcome(extractor, path, text)),
      { numRuns: 120, seed: 10_2026 },
    );
  });
});

describe("extractFile on arbitrary content under any supported name", () => {
  it("returns records or errors that name the file, never a raw exception message", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CANDIDATE_PATHS, "sbom.json", "x.cdx.json", "random.json"),
        anyText,
        async (path, text) => {
          const result = await extractFile(`/nowhere/${path}`, { root: "/nowhere", content: text });
          expect(result.file).toBe(path);
          for (const error of result.errors) {
            expect(error.file).toBe(path);
            expect(error.message.startsWith(path)).toBe(true);
            expect(error.message.slice(path.length)).not.toMatch(RAW);
          }
        },
      ),
      { numRuns: 300, seed: 10_2027 },
    );
  });
});

/** Replaces the value at a path chosen by `choices` with `replacement`. */
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

function smallest(format: string): string {
  return sharedLockfiles(format).sort((a, b) => a.content.length - b.content.length)[0]?.content ?? "";
}

/** Cut a real document down to its first `keep` entries of every list and map, so mutations reach deep. */
function trimmed(value: unknown, keep = 6): unknown {
  if (Array.isArray(value)) return value.slice(0, keep).map((v) => trimmed(v, keep));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, keep * 2)
        .map(([k, v]) => [k, trimmed(v, keep)]),
    );
  return value;
}

const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, [], {}, "", 0, -1, 1e300, true, "../../etc/passwd", "__proto__"),
);

describe("YAML formats with a value of the wrong type anywhere", () => {
  const yamlCases = [
    ["pnpm-lock.yaml", smallest("pnpm-lock")],
    ["pubspec.lock", smallest("pubspec-lock")],
  ] as const;
  it.each(yamlCases)("%s", async (path, seed) => {
    const extractor = extractors.find((e) => e.matches(path))!;
    const doc = trimmed((await import("yaml")).parse(seed) as unknown);
    await outcome(extractor, path, stringifyYaml(doc));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 1000 }), { maxLength: 6 }), replacement, (choices, value) =>
        outcome(extractor, path, stringifyYaml(replaceAt(doc, choices, value))),
      ),
      { numRuns: 150, seed: 10_2028 },
    );
  });
});

describe("TOML formats with a value of the wrong type anywhere", () => {
  const tomlCases = [
    ["Cargo.lock", smallest("cargo-lock")],
    ["poetry.lock", smallest("poetry-lock")],
    ["uv.lock", smallest("uv-lock")],
    ["pdm.lock", smallest("pdm-lock")],
  ] as const;
  it.each(tomlCases)("%s", async (path, seed) => {
    const extractor = extractors.find((e) => e.matches(path))!;
    const doc = trimmed(parseTomlDocument(seed, path)) as Record<string, unknown>;
    // TOML has no null: values it cannot write are skipped below.
    const tomlValue = replacement.filter((v: unknown) => v !== null);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 1000 }), { maxLength: 6 }),
        tomlValue,
        async (choices, value) => {
          let text: string;
          try {
            text = stringifyToml(replaceAt(doc, choices, value) as Record<string, unknown>);
          } catch {
            return; // a shape TOML cannot express (null inside, a non-table root)
          }
          await outcome(extractor, path, text);
        },
      ),
      { numRuns: 150, seed: 10_2029 },
    );
  });
});

describe("hostile YAML", () => {
  const yamlFormats = ["pnpm-lock.yaml", "pubspec.lock", "stack.yaml.lock"];

  /** The billion-laughs shape: each level refers to the previous one ten times. */
  function aliasBomb(levels: number): string {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= levels; i++) {
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(",")}]`);
    }
    lines.push(`packages:\n  x: *a${levels}`);
    return lines.join("\n") + "\n";
  }

  it.each(yamlFormats)("%s: an alias bomb is refused quickly with an ExtractorError", async (path) => {
    const extractor = extractors.find((e) => e.matches(path))!;
    const started = Date.now();
    await expect(
      Promise.resolve().then(() => extractor.extract(aliasBomb(9), memoryContext(path))),
    ).rejects.toBeInstanceOf(ExtractorError);
    // A generous bound: an expanded bomb would take minutes and gigabytes, not seconds.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each(yamlFormats)("%s: deeply nested flow collections fail cleanly", async (path) => {
    const extractor = extractors.find((e) => e.matches(path))!;
    await outcome(extractor, path, `packages: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`);
    await outcome(extractor, path, `packages: ${"{a: ".repeat(5_000)}1${"}".repeat(5_000)}\n`);
  });
});

describe("huge and deeply nested JSON", () => {
  const jsonFormats = [
    "package-lock.json",
    "bun.lock",
    "composer.lock",
    "bom.json",
    "x.spdx.json",
    "Pipfile.lock",
  ];
  it.each(jsonFormats)("%s: 100k-deep nesting fails cleanly", async (path) => {
    const extractor = extractors.find((e) => e.matches(path))!;
    await outcome(extractor, path, `{"packages": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    await outcome(extractor, path, `{"packages": ${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}}`);
  });
});
