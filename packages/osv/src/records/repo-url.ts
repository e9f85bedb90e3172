/** Canonical form of a git repository URL, so `https://github.com/a/b.git/` and `https://github.com/A/b` compare equal. */
export function normalizeRepoUrl(url: string): string {
  let out = url.trim().toLowerCase();
  out = out.replace(/^git\+/, "").replace(/^http:\/\//, "https://");
  out = out.replace(/\/+$/, "").replace(/\.git$/, "");
  return out;
}
