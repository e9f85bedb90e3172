// Parses package URLs per the purl spec (github.com/package-url/purl-spec):
// pkg:type/namespace/name@version?qualifiers#subpath, each part percent-decoded.
export interface ParsedPurl {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers: Record<string, string>;
  subpath?: string;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a stray % is kept as written rather than losing the package
  }
}

/** The parsed purl, or undefined when the text is not one. */
export function parsePurl(text: string): ParsedPurl | undefined {
  let rest = text.trim();
  if (!/^pkg:/i.test(rest)) return undefined;
  rest = rest.slice(4).replace(/^\/+/, "");
  let subpath: string | undefined;
  const hash = rest.indexOf("#");
  if (hash !== -1) {
    subpath = rest
      .slice(hash + 1)
      .split("/")
      .filter((s) => s && s !== "." && s !== "..")
      .map(decode)
      .join("/");
    rest = rest.slice(0, hash);
  }
  const qualifiers: Record<string, string> = {};
  const question = rest.indexOf("?");
  if (question !== -1) {
    for (const pair of rest.slice(question + 1).split("&")) {
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const value = decode(pair.slice(eq + 1));
      if (value) qualifiers[pair.slice(0, eq).toLowerCase()] = value;
    }
    rest = rest.slice(0, question);
  }
  rest = rest.replace(/\/+$/, "");
  const slash = rest.indexOf("/");
  if (slash <= 0) return undefined;
  const type = rest.slice(0, slash).toLowerCase();
  if (!/^[a-z.+-][a-z0-9.+-]*$/.test(type)) return undefined;
  let path = rest.slice(slash + 1);
  let version: string | undefined;
  // The version follows the last "@" after the last "/" (an unencoded npm scope has an "@" too).
  const at = path.lastIndexOf("@");
  if (at > path.lastIndexOf("/")) {
    version = decode(path.slice(at + 1)) || undefined;
    path = path.slice(0, at);
  }
  const segments = path.split("/").filter(Boolean).map(decode);
  const name = segments.pop();
  if (!name) return undefined;
  const namespace = segments.length > 0 ? segments.join("/") : undefined;
  return { type, namespace, name, version, qualifiers, subpath };
}
