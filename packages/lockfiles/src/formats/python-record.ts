// The PackageRecord of one Python distribution, shared by the Python lockfile readers.
import type { DependencyScope, PackageRecord } from "../package-record.js";
import { normalizePythonName, packagePurl } from "../purl.js";
import type { PythonRoots } from "./pyproject-roots.js";

export interface PythonPackage {
  name: string;
  version?: string;
  requirement?: string;
  file: string;
  line?: number;
  scopes?: DependencyScope[];
  direct?: boolean;
  /** From a direct dependency down to the package's parent, where the lockfile's graph says. */
  parents?: string[];
  commit?: string;
}

export function pythonRecord(pkg: PythonPackage): PackageRecord {
  const name = normalizePythonName(pkg.name);
  const rec: PackageRecord = { name, ecosystem: "PyPI", file: pkg.file };
  if (pkg.version !== undefined) rec.version = pkg.version;
  if (pkg.requirement !== undefined) rec.requirement = pkg.requirement;
  rec.purl = packagePurl("PyPI", name, pkg.version);
  if (pkg.direct !== undefined) rec.direct = pkg.direct;
  if (pkg.parents && pkg.parents.length > 0) rec.parents = pkg.parents;
  if (pkg.scopes && pkg.scopes.length > 0) rec.scopes = pkg.scopes;
  if (pkg.line !== undefined) rec.line = pkg.line;
  if (pkg.commit) rec.commit = pkg.commit;
  return rec;
}

/** Direct flag from the project's declarations, undefined when there are none to ask. */
export function directOf(roots: PythonRoots | undefined, name: string): boolean | undefined {
  if (!roots) return undefined;
  const normalized = normalizePythonName(name);
  return roots.prod.has(normalized) || roots.dev.has(normalized);
}
