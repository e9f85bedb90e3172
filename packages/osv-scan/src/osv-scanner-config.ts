// Honours an existing osv-scanner.toml (next to a lockfile, else at the scan root) by turning its
// ignores into the gate's ignore rules, scoped to the lockfiles the file governs. The gate then marks
// the findings ignored with the file's reason and names the ignore once it expires.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { IgnoreRule, ScanProblem } from "@bulwark/core";
import { parse } from "smol-toml";

export const OSV_SCANNER_CONFIG = "osv-scanner.toml";

/** The ignores of one osv-scanner.toml, not yet scoped to lockfiles. */
export interface OsvScannerIgnores {
  /** Path of the file, relative to the root. */
  file: string;
  vulns: Array<{ id: string; until?: string; reason: string }>;
  /** Packages whose findings are accepted: every field given must match (version exactly). */
  packages: Array<{ name?: string; version?: string; ecosystem?: string; until?: string; reason: string }>;
}

/**
 * Parses osv-scanner.toml text. `[[IgnoredVulns]]` (id, ignoreUntil, reason) and `[[PackageOverrides]]`
 * with `ignore = true` or `vulnerability.ignore = true` (name, version, ecosystem, effectiveUntil, reason)
 * are read; other keys are left alone.
 * Throws an error naming the file (and line) when it is not valid TOML or an entry lacks its id/name.
 */
export function parseOsvScannerConfig(text: string, file: string): OsvScannerIgnores {
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (error) {
    const line = (error as { line?: number }).line;
    const first = (error as Error).message.split("\n")[0];
    throw new Error(`${file}${line !== undefined ? `:${line}` : ""}: ${first}`);
  }
  const result: OsvScannerIgnores = { file, vulns: [], packages: [] };
  const reasonOf = (entry: Record<string, unknown>): string =>
    typeof entry.reason === "string" && entry.reason.trim() !== ""
      ? `${entry.reason.trim()} (${file})`
      : `listed in ${file} without a reason`;
  tables(doc.IgnoredVulns, file, "IgnoredVulns").forEach((entry, i) => {
    if (typeof entry.id !== "string" || entry.id.trim() === "")
      throw new Error(`${file}: IgnoredVulns[${i}] needs an id`);
    const until = lastDay(entry.ignoreUntil, file, `IgnoredVulns[${i}].ignoreUntil`);
    result.vulns.push({ id: entry.id.trim(), reason: reasonOf(entry), ...(until ? { until } : {}) });
  });
  tables(doc.PackageOverrides, file, "PackageOverrides").forEach((entry, i) => {
    const at = `${file}: PackageOverrides[${i}]`;
    const vulnerability = entry.vulnerability;
    const ignoresVulns =
      typeof vulnerability === "object" && vulnerability !== null && !Array.isArray(vulnerability)
        ? (vulnerability as Record<string, unknown>).ignore === true
        : false;
    // `ignore` skips the package altogether, `vulnerability.ignore` its vulnerabilities: either way its
    // findings are accepted. Licence overrides are not ours.
    if (entry.ignore !== true && !ignoresVulns) return;
    const name = optionalString(entry.name, `${at}.name`);
    const version = optionalString(entry.version, `${at}.version`);
    const ecosystem = optionalString(entry.ecosystem, `${at}.ecosystem`);
    if (name === undefined && ecosystem === undefined)
      throw new Error(`${at} needs a name or an ecosystem to ignore packages`);
    if (entry.group !== undefined)
      throw new Error(
        `${at} ignores by dependency group, which Bulwark cannot match exactly; remove "group" or use the ignore input`,
      );
    const until = lastDay(entry.effectiveUntil, file, `PackageOverrides[${i}].effectiveUntil`);
    result.packages.push({
      ...(name !== undefined ? { name } : {}),
      ...(version !== undefined ? { version } : {}),
      ...(ecosystem !== undefined ? { ecosystem } : {}),
      reason: reasonOf(entry),
      ...(until ? { until } : {}),
    });
  });
  return result;
}

function optionalString(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw new Error(`${what} must be a non-empty string`);
  return value.trim();
}

function tables(value: unknown, file: string, key: string): Array<Record<string, unknown>> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "object" || v === null || Array.isArray(v)))
    throw new Error(`${file}: ${key} must be written as [[${key}]] tables`);
  return value as Array<Record<string, unknown>>;
}

/**
 * osv-scanner ignores while now < ignoreUntil; the gate's `until` is the last day (UTC) that still
 * counts, so the boundary instant itself is excluded.
 */
function lastDay(value: unknown, file: string, what: string): string | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) throw new Error(`${file}: ${what} must be a date (got ${String(value)})`);
  return new Date(time - 1).toISOString().slice(0, 10);
}

/** Ignore rules for one lockfile from the ignores that govern it. */
export function ignoreRulesFor(lockfile: string, config: OsvScannerIgnores): IgnoreRule[] {
  const scoped = (rule: Omit<IgnoreRule, "path">): IgnoreRule => ({ ...rule, path: lockfile });
  return [
    ...config.vulns.map((v) =>
      scoped({ id: v.id, reason: v.reason, ...(v.until ? { until: v.until } : {}) }),
    ),
    ...config.packages.map((p) =>
      scoped({
        id: "*",
        ...(p.name !== undefined ? { package: p.name } : {}),
        ...(p.version !== undefined ? { version: p.version } : {}),
        ...(p.ecosystem !== undefined ? { ecosystem: p.ecosystem } : {}),
        reason: p.reason,
        ...(p.until ? { until: p.until } : {}),
      }),
    ),
  ];
}

/**
 * Reads the osv-scanner.toml that governs each lockfile (paths relative to `base`): the one in its
 * folder, else the scan root's.
 * A file that cannot be read or parsed is an error problem: its ignores would otherwise silently vanish
 * and, worse, the findings they meant to accept would fail the build without saying why.
 */
export async function osvScannerIgnores(
  base: string,
  lockfiles: readonly string[],
  /** The scan root relative to `base` ("" when they are the same): where the fallback file lives. */
  rootDir = "",
): Promise<{ rules: IgnoreRule[]; problems: ScanProblem[]; files: string[] }> {
  const rootConfig = rootDir ? `${rootDir}/${OSV_SCANNER_CONFIG}` : OSV_SCANNER_CONFIG;
  const cache = new Map<string, OsvScannerIgnores | null>();
  const problems: ScanProblem[] = [];
  const load = async (relative: string): Promise<OsvScannerIgnores | null> => {
    if (cache.has(relative)) return cache.get(relative)!;
    let config: OsvScannerIgnores | null = null;
    try {
      const text = await readFile(join(base, relative), "utf8");
      config = parseOsvScannerConfig(text, relative);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        problems.push({ level: "error", path: relative, message: (error as Error).message });
      }
    }
    cache.set(relative, config);
    return config;
  };
  const rules: IgnoreRule[] = [];
  for (const lockfile of lockfiles) {
    const slash = lockfile.lastIndexOf("/");
    const dir = slash === -1 ? "" : lockfile.slice(0, slash + 1);
    const own = `${dir}${OSV_SCANNER_CONFIG}`;
    const config = (await load(own)) ?? (own !== rootConfig ? await load(rootConfig) : null);
    if (config) rules.push(...ignoreRulesFor(lockfile, config));
  }
  const files = [...cache.entries()].filter(([, c]) => c !== null).map(([f]) => f);
  return { rules, problems, files };
}
