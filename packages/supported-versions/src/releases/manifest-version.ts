// The version the build declares: package.json, pyproject.toml or Cargo.toml, with its line.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseToml } from "smol-toml";

export interface ManifestVersion {
  file: string;
  line?: number;
  version: string;
}

function lineOf(content: string, pattern: RegExp): number | undefined {
  const index = content.split(/\r?\n/).findIndex((l) => pattern.test(l));
  return index === -1 ? undefined : index + 1;
}

async function read(root: string, file: string): Promise<string | undefined> {
  return readFile(join(root, file), "utf8").catch(() => undefined);
}

/** Throws with the file name when a manifest exists but cannot be parsed. */
export async function findManifestVersion(root: string): Promise<ManifestVersion | undefined> {
  const pkg = await read(root, "package.json");
  if (pkg !== undefined) {
    let data: { version?: unknown; private?: unknown };
    try {
      data = JSON.parse(pkg) as typeof data;
    } catch (error) {
      throw new Error(`package.json: ${(error as Error).message}`);
    }
    if (typeof data.version === "string" && data.version) {
      return { file: "package.json", version: data.version, ...withLine(lineOf(pkg, /^\s*"version"\s*:/)) };
    }
  }
  for (const file of ["pyproject.toml", "Cargo.toml"]) {
    const text = await read(root, file);
    if (text === undefined) continue;
    let data: Record<string, unknown>;
    try {
      data = parseToml(text) as Record<string, unknown>;
    } catch (error) {
      const line = (error as { line?: number }).line;
      throw new Error(`${file}${line ? `:${line}` : ""}: ${(error as Error).message.split("\n")[0]}`);
    }
    const table = (key: string) => data[key] as Record<string, unknown> | undefined;
    const version =
      file === "Cargo.toml"
        ? table("package")?.version
        : (table("project")?.version ??
          (table("tool")?.poetry as Record<string, unknown> | undefined)?.version);
    if (typeof version === "string" && version) {
      return { file, version, ...withLine(lineOf(text, /^\s*version\s*=/)) };
    }
  }
  return undefined;
}

function withLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
