// Paths named by inputs or the config file (scan root, baseline, report files) stay inside the
// workspace or the runner's temp directory: a pull request that edits the workflow inputs or
// .github/bulwark.yml cannot make an action read the runner's home or overwrite its files.
import { isAbsolute, relative, resolve } from "node:path";
import { ConfigError } from "../config/errors.js";

function within(root: string, path: string): boolean {
  const rel = relative(resolve(root), path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * `value` resolved against `base`; a ConfigError naming the input when it lands outside every root.
 * Only the lexical path is checked (symlinks inside the workspace are the repository's own business).
 */
export function containedPath(
  base: string,
  value: string,
  roots: readonly (string | undefined)[],
  inputName: string,
): string {
  const path = resolve(base, value);
  if (roots.some((root) => root !== undefined && within(root, path))) return path;
  throw new ConfigError(
    `${inputName}: "${value}" is outside the workspace and the runner's temp directory; use a path inside them`,
  );
}
