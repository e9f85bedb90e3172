// Haskell cabal.project.freeze: a `constraints:` field listing `any.pkg ==1.2.3` (versions) and
// `any.pkg +flag` (flags, skipped), continued on indented lines.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { purlString } from "./purl-string.js";

export const cabalFreezeExtractor: Extractor = {
  name: "cabal.project.freeze",
  matches: (path) => path.split("/").pop() === "cabal.project.freeze",
  extract(content, context) {
    const records: PackageRecord[] = [];
    const seen = new Set<string>();
    let inConstraints = false;
    content.split("\n").forEach((raw, i) => {
      const line = i + 1;
      const text = raw.replace(/--.*$/, "").replace(/\r$/, "");
      if (text.trim() === "") return;
      let body = text;
      if (/^\S/.test(text)) {
        const field = /^([A-Za-z][\w-]*)\s*:(.*)$/.exec(text);
        if (!field) throw new ExtractorError("cabal.project.freeze: expected `field: value`", line);
        inConstraints = field[1]?.toLowerCase() === "constraints";
        if (!inConstraints) return;
        body = field[2] ?? "";
      } else if (!inConstraints) return;
      for (const part of body.split(",")) {
        const constraint = part.trim();
        if (constraint === "") continue;
        const match = /^(?:[\w-]+:)*(?:any\.|setup\.)?([A-Za-z0-9][\w-]*)\s*(.*)$/.exec(constraint);
        if (!match)
          throw new ExtractorError(`cabal.project.freeze: malformed constraint "${constraint}"`, line);
        const name = match[1] ?? "";
        const rest = (match[2] ?? "").trim();
        if (rest === "" || /^[+-]/.test(rest) || /^(installed|source)$/.test(rest)) continue;
        const exact = /^==\s*([\d.]+)$/.exec(rest);
        const key = `${name}@${exact?.[1] ?? rest}`;
        if (seen.has(key)) continue;
        seen.add(key);
        records.push(
          exact
            ? {
                name,
                version: exact[1],
                ecosystem: "Hackage",
                purl: purlString({ type: "hackage", name, version: exact[1] }),
                file: context.relativePath,
                line,
              }
            : { name, requirement: rest, ecosystem: "Hackage", file: context.relativePath, line },
        );
      }
    });
    return records;
  },
};
