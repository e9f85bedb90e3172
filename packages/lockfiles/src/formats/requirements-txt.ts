// pip requirements files: one requirement per logical line ("\" continues a line), "#" comments,
// global options, `-r`/`-c` includes resolved relative to the including file (each file read once,
// so include cycles end), per-requirement options (--hash). Only "==X" / "===X" pins are exact; other
// requirements are reported unresolved with the requirement as written, unless a constraint file pins
// them. Constraint files themselves add no packages (pip only uses them to limit versions).
import { posix } from "node:path";
import { ExtractorError, type Extractor } from "../extractor.js";
import type { PackageRecord } from "../package-record.js";
import { normalizePythonName } from "../purl.js";
import { exactVersion, parseRequirement } from "./pep508.js";
import { pythonRecord } from "./python-record.js";

interface LogicalLine {
  text: string;
  line: number;
}

function logicalLines(content: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const physical = content.split("\n");
  let buffer = "";
  let start = 0;
  physical.forEach((raw, i) => {
    const text = raw.replace(/\r$/, "");
    if (buffer === "") start = i + 1;
    // A comment ends the logical line even when it ends with "\".
    const comment = text.search(/(^|\s)#/);
    const code = comment === -1 ? text : text.slice(0, comment);
    if (comment === -1 && code.endsWith("\\")) {
      buffer += code.slice(0, -1) + " ";
      return;
    }
    buffer += code;
    if (buffer.trim() !== "") out.push({ text: buffer.trim(), line: start });
    buffer = "";
  });
  if (buffer.trim() !== "") out.push({ text: buffer.trim(), line: start });
  return out;
}

const INCLUDE = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?<=^-[rc]))(\S+)$/;
const EDITABLE = /^(-e|--editable)(?:\s*=\s*|\s+)(\S+)/;
/** Global options that say nothing about which packages are installed. */
const GLOBAL_OPTION =
  /^(-i|--index-url|--extra-index-url|-f|--find-links|--no-index|--no-binary|--only-binary|--prefer-binary|--require-hashes|--pre|--trusted-host|--use-feature|-Z|--always-unzip)\b/;

interface Requested {
  name: string;
  specifier: string;
  written: string;
  url?: string;
  file: string;
  line: number;
}

/** The package a VCS or archive URL names: "#egg=name", else the repository or file name. */
function nameFromUrl(url: string): string | undefined {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url)?.[1];
  if (egg) return egg;
  const path = url.replace(/[#?].*$/, "").replace(/@[^/@]*$/, "");
  const last = path.split("/").pop() ?? "";
  const name = last.replace(/\.git$/, "").replace(/(-\d[^-]*)?(\.tar\.gz|\.zip|-py\d.*\.whl|\.whl)$/, "");
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) ? name : undefined;
}

function commitOfUrl(url: string): string | undefined {
  return /@([0-9a-f]{40})(?:[#?]|$)/i.exec(url)?.[1];
}

export const requirementsTxtExtractor: Extractor = {
  name: "requirements.txt",
  matches(path) {
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (/^requirements.*\.txt$/i.test(base) || /^constraints.*\.txt$/i.test(base)) return true;
    // requirements/base.txt and the like
    return /(^|\/)requirements\/[^/]+\.txt$/i.test(path);
  },
  async extract(content, context) {
    const requested: Requested[] = [];
    const pins = new Map<string, string>();
    const seen = new Set<string>();
    const topDir = posix.dirname(context.relativePath);

    // `file` is relative to the scan root; readSibling wants paths relative to the top file's folder.
    const readFile = async (file: string, text: string, constraint: boolean): Promise<void> => {
      for (const { text: line, line: number } of logicalLines(text)) {
        const include = INCLUDE.exec(line);
        if (include) {
          const target = include[2] ?? "";
          if (/^[a-z]+:\/\//i.test(target)) continue; // a remote file: not part of the repository
          const next = posix.normalize(posix.join(posix.dirname(file), target));
          if (seen.has(next)) continue;
          seen.add(next);
          const included = await context.readSibling(posix.relative(topDir, next) || ".");
          if (included === undefined)
            throw new ExtractorError(`${file}: included file "${target}" not found`, number);
          await readFile(next, included, constraint || include[1] === "-c" || include[1] === "--constraint");
          continue;
        }
        if (GLOBAL_OPTION.test(line)) continue;
        const editable = EDITABLE.exec(line);
        let spec = editable
          ? (editable[2] ?? "")
          : line.replace(/\s--?[a-z][\w-]*(=\S*|\s+\S+)?.*$/i, "").trim();
        if (spec.startsWith("-"))
          throw new ExtractorError(`${file}: unknown option "${spec.split(/\s/)[0]}"`, number);
        if (/^(\.{1,2}$|\.{0,2}\/|[a-z]:\\|file:)/i.test(spec)) continue; // a local path: the project's own code
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
          const name = nameFromUrl(spec);
          if (!name)
            throw new ExtractorError(`${file}: cannot tell the package of "${spec.slice(0, 80)}"`, number);
          spec = `${name} @ ${spec}`;
        }
        const req = parseRequirement(spec);
        if (!req)
          throw new ExtractorError(`${file}: not a valid requirement: "${spec.slice(0, 80)}"`, number);
        if (constraint) {
          const pinned = exactVersion(req.specifier);
          if (pinned) pins.set(req.name, pinned);
          continue;
        }
        requested.push({
          name: req.name,
          specifier: req.specifier,
          written: spec,
          url: req.url,
          file,
          line: number,
        });
      }
    };

    seen.add(posix.normalize(context.relativePath));
    await readFile(context.relativePath, content, false);
    // pip merges repeated requirements: a "name[extra]" line adds nothing when the same name is pinned.
    const pinnedHere = new Set(requested.filter((r) => exactVersion(r.specifier)).map((r) => r.name));
    return requested
      .filter(
        (r) => exactVersion(r.specifier) !== undefined || r.url !== undefined || !pinnedHere.has(r.name),
      )
      .map((r): PackageRecord => {
        const version =
          exactVersion(r.specifier) ?? (r.url ? undefined : pins.get(normalizePythonName(r.name)));
        return pythonRecord({
          name: r.name,
          version,
          requirement: version ? undefined : r.url ? r.written : r.specifier || "*",
          file: r.file,
          line: r.line,
          direct: true,
          commit: r.url ? commitOfUrl(r.url) : undefined,
        });
      });
  },
};
