// Which paths no analyser looks at: other people's code, build output and generated files by default,
// plus the user's own patterns. Patterns use .gitignore syntax (a `!pattern` brings a default back).
import ignore from "ignore";

/** Vendored, built, minified and generated code: findings there are not the repository's to fix. */
export const DEFAULT_EXCLUDES: readonly string[] = [
  ".git/",
  "node_modules/",
  "bower_components/",
  "jspm_packages/",
  "vendor/",
  "third_party/",
  "third-party/",
  "thirdparty/",
  "dist/",
  "build/",
  ".venv/",
  "venv/",
  ".tox/",
  "site-packages/",
  "__pycache__/",
  "*.min.js",
  "*.min.cjs",
  "*.min.mjs",
  "*-min.js",
  "*.bundle.js",
  "*.pb.go",
  "*_pb2.py",
  "*_pb2_grpc.py",
];

/** Answers whether a path (relative to the scanned root, forward slashes) is excluded. */
export type ExcludeMatcher = (path: string, isDir?: boolean) => boolean;

/** The default exclusions followed by `extra`; later patterns win, as in a .gitignore file. */
export function excludeMatcher(extra: readonly string[] = [], defaults = DEFAULT_EXCLUDES): ExcludeMatcher {
  const patterns = [...defaults, ...extra.map((p) => p.trim()).filter((p) => p !== "" && !p.startsWith("#"))];
  const ig = ignore().add(patterns);
  return (path, isDir = false) => {
    const clean = path.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
    if (clean === "" || clean.startsWith("../") || clean.startsWith("/")) return false;
    // A file is excluded when it or any folder above it is.
    const parts = clean.split("/");
    for (let i = 1; i < parts.length; i++) {
      if (ig.ignores(`${parts.slice(0, i).join("/")}/`)) return true;
    }
    return ig.ignores(isDir ? `${clean}/` : clean);
  };
}
