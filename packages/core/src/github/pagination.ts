// GitHub's list endpoints page with a Link header: `<url>; rel="next", <url>; rel="last"`.

/** The URL of the next page, or undefined on the last page. */
export function nextPageUrl(link: string | null | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(",")) {
    const m = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (m && /\brel="?([^";]*\s)?next(\s[^";]*)?"?/.test(m[2]!)) return m[1];
  }
  return undefined;
}
