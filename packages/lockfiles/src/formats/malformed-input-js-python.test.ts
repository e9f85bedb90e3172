// Property-based: truncated and mutated versions of the real lockfiles never crash a parser or hang it;
// each either reads or fails with an ExtractorError that extractFile turns into an error naming the file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExtractorError, type Extractor } from "../extractor.js";
import { extractFile } from "../extract-file.js";
import { bunLockExtractor } from "./bun-lock.js";
import { packageLockExtractor } from "./package-lock.js";
import { pdmLockExtractor } from "./pdm-lock.js";
import { pipfileLockExtractor } from "./pipfile-lock.js";
import { pnpmLockExtractor } from "./pnpm-lock.js";
import { poetryLockExtractor } from "./poetry-lock.js";
import { pylockTomlExtractor } from "./pylock-toml.js";
import { requirementsTxtExtractor } from "./requirements-txt.js";
import { memoryContext, sharedLockfiles } from "./shared-lockfiles.js";
import { uvLockExtractor } from "./uv-lock.js";
import { yarnLockExtractor } from "./yarn-lock.js";

const PYLOCK = `lock-version = "1.0"
created-by = "test"

[[packages]]
name = "attrs"
version = "25.1.0"

[[packages]]
name = "tool"
vcs = { type = "git", url = "https://github.com/o/tool.git", commit-id = "0123456789abcdef0123456789abcdef01234567" }
`;

/** The smallest real file of each format (fuzzing cost grows with size), plus a Berry yarn.lock. */
function seeds(format: string, count = 1): string[] {
  return sharedLockfiles(format)
    .sort((a, b) => a.content.length - b.content.length)
    .slice(0, count)
    .map((f) => f.content);
}

const cases: [Extractor, string, string[]][] = [
  [packageLockExtractor, "package-lock.json", seeds("npm-package-lock")],
  [
    yarnLockExtractor,
    "yarn.lock",
    [
      ...seeds("yarn-lock", 1),
      ...sharedLockfiles("yarn-lock")
        .filter((f) => f.content.startsWith("#") && f.content.includes("__metadata:"))
        .slice(0, 1)
        .map((f) => f.content),
    ],
  ],
  [pnpmLockExtractor, "pnpm-lock.yaml", seeds("pnpm-lock")],
  [bunLockExtractor, "bun.lock", seeds("bun-lock")],
  [requirementsTxtExtractor, "requirements.txt", seeds("requirements-txt", 2)],
  [pipfileLockExtractor, "Pipfile.lock", seeds("pipfile-lock")],
  [poetryLockExtractor, "poetry.lock", seeds("poetry-lock")],
  [uvLockExtractor, "uv.lock", seeds("uv-lock")],
  [pdmLockExtractor, "pdm.lock", seeds("pdm-lock")],
  [pylockTomlExtractor, "pylock.toml", [PYLOCK]],
];

/** A truncation, a spliced-in fragment, or a run of deleted text at arbitrary places. */
function damaged(seed: string): fc.Arbitrary<string> {
  const at = fc.integer({ min: 0, max: seed.length });
  const junk = fc.oneof(
    fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      '"',
      "'",
      ":",
      ",",
      "\n",
      "\t",
      "  ",
      "- ",
      "#",
      "\\",
      "\u0000",
      "__proto__",
      "==",
      "@",
      "(",
      "&a",
      "*a",
      "|",
      "\r\n",
    ),
    fc.string({ maxLength: 12 }),
  );
  return fc.oneof(
    at.map((n) => seed.slice(0, n)),
    fc.tuple(at, junk).map(([n, s]) => seed.slice(0, n) + s + seed.slice(n)),
    fc.tuple(at, fc.integer({ min: 1, max: 400 })).map(([n, len]) => seed.slice(0, n) + seed.slice(n + len)),
    fc
      .tuple(at, at)
      .map(([a, b]) => seed.slice(0, Math.min(a, b)) + seed.slice(Math.max(a, b)).toUpperCase()),
  );
}

describe("malformed and truncated input", () => {
  it.each(cases.map(([extractor, file, inputs]) => [file, extractor, inputs] as const))(
    "%s: reads or fails with an ExtractorError, never anything else",
    async (file, extractor, inputs) => {
      for (const seed of inputs) {
        await fc.assert(
          fc.asyncProperty(damaged(seed), async (text) => {
            try {
              const records = await extractor.extract(text, memoryContext(file));
              expect(Array.isArray(records)).toBe(true);
              for (const r of records) expect(typeof r.name).toBe("string");
            } catch (error) {
              if (!(error instanceof ExtractorError)) throw error;
              expect(error.message.length).toBeGreaterThan(0);
            }
          }),
          { numRuns: 40, seed: 20261123 },
        );
      }
    },
  );

  it("extractFile names the file in every error it returns for damaged content", async () => {
    for (const [, file, inputs] of cases) {
      const seed = inputs[0] ?? "";
      const result = await extractFile(`/nowhere/${file}`, {
        root: "/nowhere",
        content: seed.slice(0, Math.floor(seed.length / 3)) + '\u0000{["',
      });
      for (const error of result.errors) {
        expect(error.file).toBe(file);
        expect(error.message.startsWith(file)).toBe(true);
      }
    }
  });
});
