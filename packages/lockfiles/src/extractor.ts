// The contract every format module implements.
import type { PackageRecord } from "./package-record.js";

export interface ExtractContext {
  /** Path relative to the scan root, forward slashes: used in records and errors. */
  relativePath: string;
  /** Absolute path on disk (some formats look at sibling files, e.g. pom.xml parents). */
  absolutePath: string;
  /** Reads another file relative to this one's directory; undefined when it does not exist. */
  readSibling(relative: string): Promise<string | undefined>;
}

export interface Extractor {
  /** Stable name shown to users, e.g. "package-lock.json", "poetry.lock". */
  name: string;
  /** True when this extractor handles a file with this path (basename match, globs...). */
  matches(relativePath: string): boolean;
  /**
   * Parses the file. Throws ExtractorError (with line where known) for files it cannot read;
   * returns the packages otherwise.
   */
  extract(content: string, context: ExtractContext): Promise<PackageRecord[]> | PackageRecord[];
}

/** An error that names the file and, where known, the line. */
export class ExtractorError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "ExtractorError";
  }
}
