import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { DEFAULT_PATH_ALLOWLIST, DEFAULT_TEST_PATHS, globMatcher } from "./path-policy.js";

const PATHS = [
  "package-lock.json",
  "a/b/package-lock.json",
  "a/package-lock.json.bak",
  "web/app.min.js",
  "web/app.js",
  "x.map",
  "node_modules/left-pad/index.js",
  "src/node_modules_notes.md",
  "pkg/test/fixture.json",
  "pkg/testing/fixture.json",
  "tests/a.py",
  "src/a.test.ts",
  "src/a.spec.js",
  "src/.test.ts",
  "go/x_test.go",
  "py/test_x.py",
  "py/x_test.py",
  "spec/helper.rb",
  "deep/a/b/__fixtures__/c/d.txt",
  "src/contest/x.ts",
  "docs/latest.md",
];

describe("globMatcher", () => {
  it("agrees with picomatch on file paths for the default lists and a mixed list", () => {
    for (const globs of [
      DEFAULT_PATH_ALLOWLIST,
      DEFAULT_TEST_PATHS,
      ["src/**/*.ts", "**/docs/**", "**/*.md"],
    ]) {
      const fast = globMatcher(globs);
      const slow = (p: string) => globs.some((g) => picomatch(g, { dot: true })(p));
      for (const p of PATHS) expect([p, fast(p)]).toEqual([p, slow(p)]);
    }
  });
});
