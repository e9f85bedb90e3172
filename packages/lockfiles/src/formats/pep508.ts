// PEP 508 dependency specifiers, as far as lockfile readers need them: the name, extras, version
// specifier or URL, and marker. Exact pins are "==X" (no wildcard) and "===X".
import { normalizePythonName } from "../purl.js";

export interface Requirement {
  /** PEP 503 normalised. */
  name: string;
  extras: string[];
  /** e.g. ">=1.2,<2" (spaces removed), "" when absent. */
  specifier: string;
  url?: string;
  marker?: string;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

/** Parses one specifier; undefined when the text does not start with a valid project name. */
export function parseRequirement(text: string): Requirement | undefined {
  const match = NAME.exec(text.trim());
  if (!match?.[1]) return undefined;
  let rest = text.trim().slice(match[0].length);
  const extras: string[] = [];
  if (rest.startsWith("[")) {
    const end = rest.indexOf("]");
    if (end === -1) return undefined;
    extras.push(
      ...rest
        .slice(1, end)
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean),
    );
    rest = rest.slice(end + 1).trimStart();
  }
  let marker: string | undefined;
  const semicolon = rest.search(/;/);
  // A URL may contain ";"? PEP 508 requires a space before the marker after a URL.
  if (rest.startsWith("@")) {
    const markerAt = rest.search(/\s;/);
    const url = (markerAt === -1 ? rest.slice(1) : rest.slice(1, markerAt)).trim();
    if (markerAt !== -1) marker = rest.slice(markerAt).trim().slice(1).trim();
    const req: Requirement = { name: normalizePythonName(match[1]), extras, specifier: "", url };
    if (marker) req.marker = marker;
    return req;
  }
  if (semicolon !== -1) {
    marker = rest.slice(semicolon + 1).trim();
    rest = rest.slice(0, semicolon);
  }
  let specifier = rest.replace(/\s+/g, "");
  if (specifier.startsWith("(") && specifier.endsWith(")")) specifier = specifier.slice(1, -1);
  if (specifier !== "" && !/^(~=|==|!=|<=|>=|<|>|===)/.test(specifier)) return undefined;
  const req: Requirement = { name: normalizePythonName(match[1]), extras, specifier };
  if (marker) req.marker = marker;
  return req;
}

/** The pinned version of "==1.2.3" / "===1.2.3", or undefined for ranges, wildcards and several clauses. */
export function exactVersion(specifier: string): string | undefined {
  const match = /^===?([^,*<>=!~]+)$/.exec(specifier);
  return match?.[1];
}
