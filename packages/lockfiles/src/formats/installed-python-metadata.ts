// An installed Python distribution: *.dist-info/METADATA (wheels) or *.egg-info/PKG-INFO (eggs,
// sdists). Both hold RFC 822 style headers up to the first blank line; Name and Version are required.
import { ExtractorError, type Extractor } from "../extractor.js";
import { purlString } from "./purl-string.js";

const METADATA = /(^|\/)[^/]+\.dist-info\/METADATA$/;
const PKG_INFO = /(^|\/)[^/]+\.egg-info\/PKG-INFO$/;

export function pep503Name(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

export const installedPythonMetadataExtractor: Extractor = {
  name: "Python METADATA",
  matches: (path) => METADATA.test(path) || PKG_INFO.test(path),
  extract(content, context) {
    const headers = new Map<string, { value: string; line: number }>();
    const lines = content.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const text = (lines[i] ?? "").replace(/\r$/, "");
      if (text.trim() === "") break; // the body (description) follows the first blank line
      if (/^[ \t]/.test(text)) continue; // folded continuation of the previous header
      const colon = text.indexOf(":");
      if (colon <= 0) throw new ExtractorError("Python metadata: expected `Header: value`", i + 1);
      const key = text.slice(0, colon).trim().toLowerCase();
      if (!headers.has(key)) headers.set(key, { value: text.slice(colon + 1).trim(), line: i + 1 });
    }
    const name = headers.get("name");
    const version = headers.get("version");
    if (!name?.value) throw new ExtractorError("Python metadata: no Name header", 1);
    if (!version?.value) throw new ExtractorError("Python metadata: no Version header", name.line);
    const normalised = pep503Name(name.value);
    return [
      {
        name: normalised,
        version: version.value,
        ecosystem: "PyPI",
        purl: purlString({ type: "pypi", name: normalised, version: version.value }),
        file: context.relativePath,
        line: name.line,
      },
    ];
  },
};
