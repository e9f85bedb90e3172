// Builds package URLs per the purl spec (github.com/package-url/purl-spec): type/namespace/name@version
// with each part percent-encoded; ':' may stay literal.
export interface PurlParts {
  type: string;
  namespace?: string;
  name: string;
  version?: string;
  qualifiers?: Record<string, string>;
}

function encodePart(part: string): string {
  return encodeURIComponent(part).replace(/%3A/gi, ":");
}

export function purlString({ type, namespace, name, version, qualifiers }: PurlParts): string {
  let out = `pkg:${type.toLowerCase()}/`;
  if (namespace) out += namespace.split("/").filter(Boolean).map(encodePart).join("/") + "/";
  out += encodePart(name);
  if (version) out += `@${encodePart(version)}`;
  const keys = Object.keys(qualifiers ?? {})
    .filter((k) => qualifiers?.[k])
    .sort();
  if (keys.length > 0)
    out += "?" + keys.map((k) => `${k.toLowerCase()}=${encodePart(qualifiers?.[k] ?? "")}`).join("&");
  return out;
}
