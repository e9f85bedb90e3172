// npm's "npm:real-name@range" alias specs, used by package-lock v1 versions and yarn/pnpm keys.

/** Splits "name@range" (names may start with @scope/) into name and the rest after the separating @. */
export function splitNameAtVersion(spec: string): { name: string; rest: string } {
  const at = spec.indexOf("@", 1);
  return at === -1 ? { name: spec, rest: "" } : { name: spec.slice(0, at), rest: spec.slice(at + 1) };
}

/** The real package behind "npm:real@1.2.3", or undefined when the value is not an alias. */
export function npmAlias(value: string): { name: string; version: string } | undefined {
  if (!value.startsWith("npm:")) return undefined;
  const { name, rest } = splitNameAtVersion(value.slice(4));
  return { name, version: rest };
}

/** The commit of a git-resolved URL ("git+https://...#<sha>", "github:o/r#<sha>"), when it is a full sha. */
export function gitCommitOf(url: string): string | undefined {
  const match = /#(?:commit=)?([0-9a-f]{40})\b/i.exec(url);
  return match?.[1]?.toLowerCase();
}
