// The baseline file: fingerprints of findings accepted when a project adopted a check, so only new ones gate.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { ConfigError } from "../config/errors.js";

export const BASELINE_VERSION = 1;

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  fingerprints: string[];
}

/**
 * Reads a baseline file (`display` is how errors name it, e.g. relative to the repository). A missing, unreadable or malformed file is an error naming it: a baseline that
 * silently read as empty would turn every accepted finding into a failure, or worse, hide a typo.
 */
export async function readBaseline(file: string, display: string = file): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : `cannot read it (${code ?? String(err)})`;
    throw new ConfigError({ file: display, message: `baseline: ${why}` });
  }
  return parseBaseline(text, display);
}

/** Parses baseline JSON text; `file` names it in errors. */
export function parseBaseline(text: string, file: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError({ file, message: `baseline is not valid JSON: ${(err as Error).message}` });
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ConfigError({
      file,
      message: `baseline must be a JSON object { "version": 1, "fingerprints": [...] }`,
    });
  }
  const { version, fingerprints } = data as Record<string, unknown>;
  if (version !== BASELINE_VERSION) {
    throw new ConfigError({
      file,
      message: `baseline version ${JSON.stringify(version)} is not supported (expected ${BASELINE_VERSION})`,
    });
  }
  if (!Array.isArray(fingerprints)) {
    throw new ConfigError({ file, message: `baseline "fingerprints" must be an array of strings` });
  }
  const bad = fingerprints.findIndex((fp) => typeof fp !== "string" || fp === "");
  if (bad !== -1) {
    throw new ConfigError({ file, message: `baseline fingerprints[${bad}] must be a non-empty string` });
  }
  return new Set(fingerprints as string[]);
}

/** Serialises fingerprints sorted and de-duplicated, so the file diffs cleanly in review. */
export function formatBaseline(fingerprints: Iterable<string>): string {
  const body: BaselineFile = { version: BASELINE_VERSION, fingerprints: [...new Set(fingerprints)].sort() };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Writes the baseline atomically (temp file + rename), creating the directory if needed. */
export async function writeBaseline(file: string, fingerprints: Iterable<string>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, formatBaseline(fingerprints), "utf8");
    await rename(tmp, file);
  } catch (err) {
    throw new ConfigError({ file, message: `cannot write baseline: ${(err as Error).message}` });
  }
}
