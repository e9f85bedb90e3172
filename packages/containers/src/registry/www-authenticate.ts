// Parses a WWW-Authenticate challenge: `Bearer realm="...",service="...",scope="..."` or `Basic realm="..."`.

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

export function parseWwwAuthenticate(header: string): Challenge | undefined {
  const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  if (!match?.[1]) return undefined;
  const params: Record<string, string> = {};
  const pairs = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (const m of (match[2] ?? "").matchAll(pairs)) {
    const key = m[1];
    if (key) params[key.toLowerCase()] = (m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: match[1].toLowerCase(), params };
}
