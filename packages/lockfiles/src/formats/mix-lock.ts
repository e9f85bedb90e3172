// Elixir mix.lock: an Elixir map, one entry per line, `"app": {:hex, :package, "version", ...}`.
// Git and path entries are not Hex packages.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { purlString } from "./purl-string.js";

const ENTRY = /^\s*"([^"]+)":\s*\{\s*:(\w+)\s*,(.*)$/;
const HEX = /^\s*:"?([\w.-]+)"?\s*,\s*"([^"]+)"/;

export const mixLockExtractor: Extractor = {
  name: "mix.lock",
  matches: (path) => path.split("/").pop() === "mix.lock",
  extract(content, context) {
    const lines = content.split("\n");
    const first = lines.findIndex((l) => l.trim() !== "");
    if (first === -1) return [];
    if (!lines[first]?.trim().startsWith("%{"))
      throw new ExtractorError("mix.lock: expected an Elixir map starting with %{", first + 1);
    const last = lines.findLastIndex((l) => l.trim() !== "");
    if (!lines[last]?.trim().endsWith("}"))
      throw new ExtractorError("mix.lock: the map is not closed", last + 1);
    const records: PackageRecord[] = [];
    lines.forEach((text, i) => {
      const entry = ENTRY.exec(text.replace(/^\s*%\{/, ""));
      if (!entry) return;
      if (entry[2] !== "hex") return;
      const hex = HEX.exec(entry[3] ?? "");
      if (!hex)
        throw new ExtractorError(`mix.lock: hex entry "${entry[1]}" must name a package and version`, i + 1);
      const name = hex[1] ?? "";
      const version = hex[2] ?? "";
      records.push({
        name,
        version,
        ecosystem: "Hex",
        purl: purlString({ type: "hex", name, version }),
        file: context.relativePath,
        line: i + 1,
      });
    });
    return records;
  },
};
