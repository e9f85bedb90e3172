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

const GLOB_CHARS = /[*?[\]{}()!+@]/;

// Most globs here name a file anywhere ("**/NAME") or a directory anywhere ("**/DIR/**"); those are tested
// against the base name or each directory name alone, several times faster than picomatch's full-path
// regexes (~10 µs per path over a tree). Anything else goes through picomatch on the whole path.
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const base: string[] = [];
  const dir: string[] = [];
  const full: string[] = [];
  for (const g of globs) {
    const rest = g.startsWith("**/") ? g.slice(3) : undefined;
    if (rest !== undefined && !rest.includes("/")) base.push(rest);
    else if (rest?.endsWith("/**") && !rest.slice(0, -3).includes("/") && !GLOB_CHARS.test(rest.slice(0, -3)))
      dir.push(rest.slice(0, -3));
    else full.push(g);
  }
  const combine = (list: string[]) =>
    list.length === 0
      ? undefined
      : new RegExp(list.map((g) => picomatch.makeRe(g, { dot: true }).source).join("|"));
  const baseRe = combine(base);
  const fullRe = combine(full);
  const dirs = new Set(dir);
  return (path) => {
    const slash = path.lastIndexOf("/");
    if (baseRe?.test(slash === -1 ? path : path.slice(slash + 1))) return true;
    if (dirs.size > 0 && slash !== -1) {
      for (let start = 0; start < slash;) {
        const end = path.indexOf("/", start);
        if (dirs.has(path.slice(start, end))) return true;
        start = end + 1;
      }
    }
    return fullRe?.test(path) ?? false;
  };
}
