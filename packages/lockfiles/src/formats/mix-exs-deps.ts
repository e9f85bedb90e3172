// The dependencies a Mix project declares: the `{:app, ...}` tuples of `deps` in mix.exs, which sits
// beside mix.lock. mix.exs is Elixir code; reading the tuples of the deps function is enough to tell
// direct dependencies, and anything unusual only costs the direct flags.

/** App names declared in mix.exs's deps function, in order; undefined when there is none to read. */
export function mixExsDeps(mixExs: string | undefined): string[] | undefined {
  if (mixExs === undefined) return undefined;
  // Indentation is [ \t]*, not \s*: \s* crosses lines, so each line start of a blank run would rescan it.
  const start = /^[ \t]*defp?\s+deps\b/m.exec(mixExs);
  if (!start) return undefined;
  const rest = mixExs.slice(start.index + start[0].length);
  // The function ends at its `end` (do-block) or at the next definition (one-line `do:`).
  const end = rest.search(/^[ \t]*(?:end[ \t\r]*$|defp?\s)/m);
  const body = end === -1 ? rest : rest.slice(0, end);
  return [...body.matchAll(/\{\s*:"?(\w+)"?\s*[,}]/g)].map((m) => m[1]!);
}
