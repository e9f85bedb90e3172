// Which paths are not scanned at all, and which count as test fixtures.
import picomatch from "picomatch";

/** Files that hold hashes and generated identifiers, never credentials people wrote. */
export const DEFAULT_PATH_ALLOWLIST = [
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/yarn.lock",
  "**/pnpm-lock.yaml",
  "**/bun.lock",
  "**/go.sum",
  "**/Cargo.lock",
  "**/composer.lock",
  "**/Gemfile.lock",
  "**/poetry.lock",
  "**/Pipfile.lock",
  "**/uv.lock",
  "**/packages.lock.json",
  "**/gradle.lockfile",
  "**/*.min.js",
  "**/*.min.css",
  "**/*.map",
  "**/.git/**",
  "**/node_modules/**",
  "**/.gitleaksignore",
  "**/.bulwark-secrets-ignore",
];

/** Paths that conventionally hold test data; secrets there are usually deliberate fakes. */
export const DEFAULT_TEST_PATHS = [
  "**/test/**",
  "**/tests/**",
  "**/__tests__/**",
  "**/spec/**",
  "**/fixtures/**",
  "**/__fixtures__/**",
  "**/testdata/**",
  "**/test-data/**",
  "**/*.test.*",
  "**/*.spec.*",
  "**/*_test.go",
  "**/test_*.py",
  "**/*_test.py",
];

/**
 * What happens to findings in test paths: "lower" reports them at severity low with
 * `properties.testFixture` set (default), "skip" drops them, "keep" treats them like any other path.
 */
export type TestPathMode = "lower" | "skip" | "keep";

export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  // One combined regex: testing each glob separately cost ~35 µs per path with ~35 globs.
  const re = new RegExp(globs.map((g) => picomatch.makeRe(g, { dot: true }).source).join("|"));
  return (path) => re.test(path);
}
