// Extracts one file: picks its format by name (then content, for generic names), reads it, and turns
// every failure into an error entry naming the file, so one bad file never stops a scan.
import { readFile } from "node:fs/promises";
import { basename, relative, resolve, sep } from "node:path";
import { ExtractorError, type Extractor } from "./extractor.js";
import { diskContext } from "./formats/disk-context.js";
import type { ExtractResult } from "./package-record.js";
import { extractors as defaultExtractors } from "./registry.js";

export interface ExtractFileOptions {
  /** Scan root: records and errors name the file relative to it. Default: the file's directory. */
  root?: string;
  /** Extractors to choose from. Default: every registered format. */
  extractors?: readonly Extractor[];
  /** The file's content, when the caller has read it already. */
  content?: string;
}

/** Extractors that can also recognise their documents by content (SBOMs under generic names). */
interface Sniffing extends Extractor {
  sniff(content: string): boolean;
}

function sniffs(extractor: Extractor): extractor is Sniffing {
  return typeof (extractor as Partial<Sniffing>).sniff === "function";
}

/** The extractor for a path whose content is known: a name match wins, content breaks ties. */
export function selectExtractor(
  relativePath: string,
  content: string | undefined,
  extractors: readonly Extractor[] = defaultExtractors,
): Extractor | undefined {
  const byName = extractors.filter((e) => e.matches(relativePath));
  const only = byName[0];
  if (content === undefined || (byName.length === 1 && only && !sniffs(only))) return only;
  const sniffed = (list: readonly Extractor[]): Extractor | undefined =>
    list.find((e) => sniffs(e) && e.sniff(content));
  return sniffed(byName) ?? sniffed(extractors) ?? byName.find((e) => !sniffs(e)) ?? only;
}

/** True when some extractor claims this path by name alone. */
export function isSupportedPath(
  relativePath: string,
  extractors: readonly Extractor[] = defaultExtractors,
): boolean {
  return extractors.some((e) => e.matches(relativePath));
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

export async function extractFile(path: string, options: ExtractFileOptions = {}): Promise<ExtractResult> {
  const absolutePath = resolve(path);
  const relativePath = options.root
    ? toPosix(relative(resolve(options.root), absolutePath))
    : basename(absolutePath);
  const extractors = options.extractors ?? defaultExtractors;
  let content = options.content;
  if (content === undefined) {
    try {
      content = await readFile(absolutePath, "utf8");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        file: relativePath,
        format: "unknown",
        packages: [],
        errors: [{ file: relativePath, message: `cannot read ${relativePath}: ${reason}` }],
      };
    }
  }
  const extractor = selectExtractor(relativePath, content, extractors);
  if (!extractor) {
    return {
      file: relativePath,
      format: "unknown",
      packages: [],
      errors: [{ file: relativePath, message: `${relativePath}: no supported lockfile or manifest format` }],
    };
  }
  try {
    const packages = await extractor.extract(content, diskContext(absolutePath, relativePath));
    return { file: relativePath, format: extractor.name, packages, errors: [] };
  } catch (error) {
    const line = error instanceof ExtractorError ? error.line : undefined;
    const reason = error instanceof Error ? error.message : String(error);
    const message = `${relativePath}${line !== undefined ? `:${line}` : ""}: ${reason}`;
    return {
      file: relativePath,
      format: extractor.name,
      packages: [],
      errors: [line !== undefined ? { file: relativePath, line, message } : { file: relativePath, message }],
    };
  }
}
