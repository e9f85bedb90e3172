// Ignore rules: how a team accepts a known finding, with a reason and optionally an end date.
import picomatch from "picomatch";
import type { Finding } from "../finding.js";
import { ConfigError, type ConfigIssue } from "../config/errors.js";

export interface IgnoreRule {
  /** Matches a finding's ruleId, ids or aliases (case-insensitive); "*" matches any id. */
  id: string;
  /** Glob over the finding's location path (picomatch syntax, dotfiles included); a matching directory
   * covers everything under it. */
  path?: string;
  /** Matches the finding's package name (case-insensitive). */
  package?: string;
  /** Matches the finding's package version exactly (engine-made rules, e.g. osv-scanner.toml overrides). */
  version?: string;
  /** Matches the finding's package ecosystem (case-insensitive; engine-made rules). */
  ecosystem?: string;
  /** Why it is safe to ignore; required so every exception is explained. */
  reason: string;
  /** Last day (UTC, inclusive) the ignore applies, as YYYY-MM-DD. */
  until?: string;
}

/** JSON schema of one ignore rule, shared by the config file and the `ignore` input. */
export const IGNORE_RULE_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string", minLength: 1 },
    path: { type: "string", minLength: 1 },
    package: { type: "string", minLength: 1 },
    reason: { type: "string", pattern: "\\S", errorHint: "must say why the finding is safe to ignore" },
    until: { type: "string", format: "date", errorHint: "must be a date written YYYY-MM-DD" },
  },
  required: ["id", "reason"],
  additionalProperties: false,
} as const;

export const IGNORE_LIST_SCHEMA = { type: "array", items: IGNORE_RULE_SCHEMA } as const;

/** Parses YYYY-MM-DD as a real calendar date (UTC midnight), or undefined when it is not one. */
export function parseIsoDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return date;
}

/** A short human name for an ignore in notices: `"CVE-2024-1" (path "test/**")`. */
export function describeIgnore(rule: IgnoreRule): string {
  let text = `"${rule.id}"`;
  if (rule.package !== undefined)
    text += ` for package "${rule.ecosystem !== undefined ? `${rule.ecosystem}/` : ""}${rule.package}${rule.version !== undefined ? `@${rule.version}` : ""}"`;
  if (rule.path !== undefined) text += ` on path "${rule.path}"`;
  return text;
}

/**
 * Checks rules built by code or parsed from text: every rule needs an id and a reason, and `until` must be a
 * real date. Throws one ConfigError listing every problem.
 */
export function validateIgnoreRules(rules: readonly IgnoreRule[], origin?: string): void {
  const issues: ConfigIssue[] = [];
  rules.forEach((rule, i) => {
    const at = `ignore[${i}]`;
    if (typeof rule.id !== "string" || rule.id.trim() === "")
      issues.push({ file: origin, message: `${at} needs an id` });
    if (typeof rule.reason !== "string" || rule.reason.trim() === "") {
      issues.push({
        file: origin,
        message: `${at} (${describeIgnore(rule)}) needs a reason: say why the finding is safe to ignore`,
      });
    }
    if (rule.until !== undefined && parseIsoDate(String(rule.until)) === undefined) {
      issues.push({
        file: origin,
        message: `${at} until must be a date written YYYY-MM-DD (got "${rule.until}")`,
      });
    }
  });
  if (issues.length > 0) throw new ConfigError(issues);
}

/** True when the rule's end date has passed at `now` (the `until` day itself still counts). */
export function isIgnoreExpired(rule: IgnoreRule, now: Date): boolean {
  if (rule.until === undefined) return false;
  const day = parseIsoDate(rule.until);
  if (day === undefined) return false;
  return now.getTime() >= day.getTime() + 24 * 60 * 60 * 1000;
}

/** Compiles a rule into a predicate over findings. */
export function ignoreMatcher(rule: IgnoreRule): (finding: Finding) => boolean {
  const id = rule.id.trim().toLowerCase();
  const pkg = rule.package?.trim().toLowerCase();
  const ecosystem = rule.ecosystem?.trim().toLowerCase();
  const pathMatch = rule.path === undefined ? undefined : pathMatcher(rule.path);
  return (finding) => {
    if (id !== "*") {
      const ids = [finding.ruleId, ...(finding.ids ?? []), ...(finding.aliases ?? [])];
      if (!ids.some((x) => x.toLowerCase() === id)) return false;
    }
    if (pkg !== undefined && finding.package?.name.toLowerCase() !== pkg) return false;
    if (rule.version !== undefined && finding.package?.version !== rule.version) return false;
    if (ecosystem !== undefined && finding.package?.ecosystem?.toLowerCase() !== ecosystem) return false;
    if (pathMatch !== undefined) {
      const path = finding.location?.path;
      if (path === undefined || !pathMatch(path)) return false;
    }
    return true;
  };
}

/**
 * A glob that also matches everything under a matching directory, so `path: test/fixtures` ignores the files
 * in it as `test/fixtures/**` would. Leading `./` is dropped on both sides.
 */
function pathMatcher(glob: string): (path: string) => boolean {
  const isMatch = picomatch(glob.trim().replace(/^\.\//, "").replace(/\/+$/, ""), { dot: true });
  return (path) => {
    const parts = path.replace(/\\/g, "/").replace(/^\.\//, "").split("/");
    for (let n = parts.length; n > 0; n--) if (isMatch(parts.slice(0, n).join("/"))) return true;
    return false;
  };
}
