// Debian/Ubuntu packages from dpkg's database: /var/lib/dpkg/status, and the one-file-per-package
// /var/lib/dpkg/status.d/ of distroless images. Only "install ok installed" packages count.
import { parseControlParagraphs, ControlSyntaxError } from "./control-paragraphs.js";

export const DPKG_STATUS = "var/lib/dpkg/status";
export const DPKG_STATUS_D = "var/lib/dpkg/status.d/";

export interface DpkgPackage {
  name: string;
  version: string;
  arch?: string;
  sourceName: string;
  sourceVersion: string;
}

export class DpkgParseError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${message}`);
    this.name = "DpkgParseError";
  }
}

export function parseDpkgStatus(text: string, file: string): DpkgPackage[] {
  let paragraphs;
  try {
    paragraphs = parseControlParagraphs(text);
  } catch (error) {
    if (error instanceof ControlSyntaxError) throw new DpkgParseError(file, error.message, error.line);
    throw error;
  }
  const packages: DpkgPackage[] = [];
  for (const p of paragraphs) {
    const name = p.fields.get("package");
    const version = p.fields.get("version");
    // status.d files carry no Status field: their presence means installed.
    const status = p.fields.get("status");
    if (status !== undefined && !/^(install|hold) ok installed$/.test(status.trim())) continue;
    if (!name) throw new DpkgParseError(file, "paragraph without a Package field", p.line);
    if (!version) throw new DpkgParseError(file, `package ${name} has no Version field`, p.line);
    // "Source: name (version)" when the source version differs from the binary's, else just "name".
    const source = /^(\S+)(?:\s+\((\S+)\))?/.exec(p.fields.get("source") ?? "");
    const arch = p.fields.get("architecture");
    packages.push({
      name,
      version,
      ...(arch ? { arch } : {}),
      sourceName: source?.[1] ?? name,
      sourceVersion: source?.[2] ?? version,
    });
  }
  return packages;
}
