// Go go.mod: require (single lines and blocks; `// indirect` = transitive), replace applied, exclude
// ignored, and the Go toolchain itself as the package `stdlib`.
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { purlString } from "./purl-string.js";

interface Directive {
  verb: string;
  args: string[];
  comment: string;
  line: number;
}

/** Splits one go.mod line into tokens (quoted or bare) and its trailing comment. */
function tokenize(text: string, line: number): { args: string[]; comment: string } {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    // Any whitespace separates (a BOM or no-break space too): the bare-token loop below stops at \s, so
    // skipping less here would never advance.
    if (/\s/.test(ch ?? "")) i++;
    else if (text.startsWith("//", i)) return { args, comment: text.slice(i + 2).trim() };
    else if (ch === '"' || ch === "`") {
      const end = text.indexOf(ch, i + 1);
      if (end === -1) throw new ExtractorError("go.mod: unterminated quoted string", line);
      args.push(ch === '"' ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end));
      i = end + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s"`]/.test(text[j] ?? "") && !text.startsWith("//", j)) j++;
      args.push(text.slice(i, j));
      i = j;
    }
  }
  return { args, comment: "" };
}

function directives(content: string): Directive[] {
  const out: Directive[] = [];
  let block: { verb: string; line: number } | undefined;
  content.split("\n").forEach((text, i) => {
    const line = i + 1;
    let parsed: { args: string[]; comment: string };
    try {
      parsed = tokenize(text, line);
    } catch (error) {
      if (error instanceof SyntaxError) throw new ExtractorError("go.mod: malformed quoted string", line);
      throw error;
    }
    const { args, comment } = parsed;
    if (args.length === 0) return;
    if (block) {
      if (args[0] === ")") {
        block = undefined;
        return;
      }
      out.push({ verb: block.verb, args, comment, line });
      return;
    }
    const [verb = "", ...rest] = args;
    if (rest[0] === "(") {
      if (rest.length > 1) throw new ExtractorError(`go.mod: unexpected text after "${verb} ("`, line);
      block = { verb, line };
      return;
    }
    if (verb === ")") throw new ExtractorError("go.mod: unexpected )", line);
    out.push({ verb, args: rest, comment, line });
  });
  if (block) throw new ExtractorError(`go.mod: "${block.verb} (" block is never closed`, block.line);
  return out;
}

export function goPurl(path: string, version: string): string {
  const slash = path.lastIndexOf("/");
  return purlString({
    type: "golang",
    namespace: slash === -1 ? undefined : path.slice(0, slash),
    name: path.slice(slash + 1),
    version,
  });
}

/** OSV's Go ranges are semver without the leading "v". */
export function goVersion(version: string): string {
  return version.replace(/^v/, "");
}

function isLocalPath(path: string): boolean {
  return (
    path.startsWith("./") || path.startsWith("../") || path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)
  );
}

/** "1.21" means the 1.21.0 release for toolchains since Go 1.21; older lines name a minor version. */
function stdlibVersion(raw: string): string {
  const v = raw.replace(/^go/, "");
  return /^\d+\.\d+$/.test(v) ? `${v}.0` : v;
}

export const goModExtractor: Extractor = {
  name: "go.mod",
  matches: (path) => path.split("/").pop() === "go.mod",
  extract(content, context) {
    const all = directives(content);
    const requires: { path: string; version: string; indirect: boolean; line: number }[] = [];
    const replaces: { from: string; fromVersion?: string; to: string; toVersion?: string }[] = [];
    let goLine: { version: string; line: number } | undefined;
    let toolchain: { version: string; line: number } | undefined;

    for (const d of all) {
      if (d.verb === "require") {
        const [path, version] = d.args;
        if (!path || !version || d.args.length !== 2)
          throw new ExtractorError("go.mod: require needs a module path and a version", d.line);
        requires.push({ path, version, indirect: /(^|;)\s*indirect\s*(;|$)/.test(d.comment), line: d.line });
      } else if (d.verb === "replace") {
        const arrow = d.args.indexOf("=>");
        const left = d.args.slice(0, Math.max(arrow, 0));
        const right = d.args.slice(arrow + 1);
        if (arrow < 1 || left.length > 2 || right.length < 1 || right.length > 2)
          throw new ExtractorError("go.mod: replace must read `old [version] => new [version]`", d.line);
        replaces.push({ from: left[0] ?? "", fromVersion: left[1], to: right[0] ?? "", toVersion: right[1] });
      } else if (d.verb === "go") {
        if (d.args[0]) goLine = { version: d.args[0], line: d.line };
      } else if (d.verb === "toolchain") {
        if (d.args[0] && d.args[0] !== "default") toolchain = { version: d.args[0], line: d.line };
      }
    }

    const records: PackageRecord[] = [];
    for (const req of requires) {
      // A replacement for this exact version wins over one for every version.
      const replace =
        replaces.find((r) => r.from === req.path && r.fromVersion === req.version) ??
        replaces.find((r) => r.from === req.path && r.fromVersion === undefined);
      let path = req.path;
      let version = req.version;
      if (replace) {
        if (isLocalPath(replace.to)) continue; // replaced by code in the repository: no published module
        path = replace.to;
        version = replace.toVersion ?? version;
      }
      records.push({
        name: path,
        version: goVersion(version),
        ecosystem: "Go",
        purl: goPurl(path, version),
        direct: !req.indirect,
        file: context.relativePath,
        line: req.line,
      });
    }

    const go = toolchain ?? goLine;
    if (go) {
      const version = stdlibVersion(go.version);
      records.push({
        name: "stdlib",
        version,
        ecosystem: "Go",
        purl: goPurl("stdlib", version),
        direct: true,
        file: context.relativePath,
        line: go.line,
      });
    }
    return records;
  },
};
