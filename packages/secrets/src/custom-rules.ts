// Rules and allowlists a repository adds through configuration. User patterns are the one place a
// pattern we did not write runs over every file, so each is checked for catastrophic backtracking
// before use (see redos-check.ts); a vulnerable pattern is refused with an error problem, which fails
// the gate closed rather than silently skipping the rule.
import type { ScanProblem, Severity } from "@bulwark/core";
import { nestedUnboundedRepetition } from "./nested-quantifier.js";
import { checkRedos } from "./redos-check.js";
import type { SecretRule } from "./rule.js";
import type { GlobalAllowlist } from "./scanner.js";

export interface CustomAllowlistConfig {
  /** Regexes tested against the secret (or, with target "match"/"line", the whole match). */
  regexes?: string[];
  regexTarget?: "secret" | "match" | "line";
  stopwords?: string[];
  /** Regexes over the relative path. */
  paths?: string[];
}

export interface CustomRuleConfig {
  id: string;
  description?: string;
  /** JavaScript regex source; `flags` adds flags (i, m, s, u). */
  regex: string;
  flags?: string;
  /** Capture group holding the secret (default: 1 if the regex has groups, else the whole match). */
  secretGroup?: number;
  /** Minimum Shannon entropy of the secret, bits per character. */
  entropy?: number;
  /** Lowercased and used for the prefilter; without keywords the rule runs on every file. */
  keywords?: string[];
  /** Regex over the relative path: the rule only scans matching files. */
  path?: string;
  severity?: Severity;
  allowlists?: CustomAllowlistConfig[];
}

export interface SecretsConfig {
  rules?: CustomRuleConfig[];
  /** Global allowlists; `paths` here are regexes, `pathGlobs` are globs. */
  allowlists?: (CustomAllowlistConfig & { pathGlobs?: string[] })[];
  disabledRules?: string[];
  /** Keep the built-in rules (default true). */
  useDefaultRules?: boolean;
}

export interface CompiledSecretsConfig {
  extraRules: SecretRule[];
  allowlist: GlobalAllowlist;
  disabledRules: string[];
  useDefaultRules: boolean;
  problems: ScanProblem[];
}

export interface CompileOptions {
  /** File the config came from, for problem messages. */
  file: string;
  /** Per-pattern recheck analysis budget (default 1000 ms). */
  redosTimeoutMs?: number;
}

/** Compiles a user regex, refusing invalid and catastrophically backtracking ones. */
export function compileUserRegex(
  source: string,
  flags: string,
  what: string,
  opts: CompileOptions,
  problems: ScanProblem[],
  /** Run recheck too (for patterns applied to whole files; allowlist patterns only see short strings). */
  deep = true,
): RegExp | undefined {
  let re: RegExp;
  try {
    // A leading (?i) / (?s) / (?m) group, as in Go and PCRE, becomes a flag.
    const lead = /^\(\?([ims]+)\)/.exec(source);
    const all = new Set([...flags.replace(/[gyd]/g, ""), ...(lead?.[1] ?? "")]);
    re = new RegExp(lead ? source.slice(lead[0].length) : source, [...all].join(""));
  } catch (e) {
    problems.push({
      level: "error",
      path: opts.file,
      message: `${what}: invalid regex: ${(e as Error).message}`,
    });
    return undefined;
  }
  const nested = nestedUnboundedRepetition(re.source);
  if (nested) {
    problems.push({
      level: "error",
      path: opts.file,
      message: `${what}: regex refused: ${nested}; bound the inner repetition (e.g. {1,64}) or remove the outer one`,
    });
    return undefined;
  }
  if (!deep) return re;
  const verdict = checkRedos(re, opts.redosTimeoutMs ?? 1000);
  if (verdict.status === "vulnerable") {
    problems.push({
      level: "error",
      path: opts.file,
      message: `${what}: regex refused: it can backtrack catastrophically (${verdict.detail ?? "super-linear"}); rewrite it without nested or overlapping repetition`,
    });
    return undefined;
  }
  if (verdict.status === "unavailable") {
    if (!problems.some((p) => p.message.startsWith("recheck is not available")))
      problems.push({
        level: "notice",
        path: opts.file,
        message:
          "recheck is not available here, so custom regexes had the structural backtracking check only; each file's scan is still time-bounded",
      });
    return re;
  }
  if (verdict.status === "unknown")
    problems.push({
      level: "notice",
      path: opts.file,
      message: `${what}: recheck could not finish its backtracking analysis (${verdict.detail ?? "gave up"}); the regex passed the structural check and is used`,
    });
  return re;
}

function compileAllowlist(
  a: CustomAllowlistConfig,
  what: string,
  opts: CompileOptions,
  problems: ScanProblem[],
): { regexes: RegExp[]; matchRegexes: RegExp[]; stopwords: string[]; paths: RegExp[] } {
  const compileAll = (list: string[] | undefined, kind: string) =>
    (list ?? [])
      .map((src, i) => compileUserRegex(src, "", `${what} ${kind}[${i}]`, opts, problems, false))
      .filter((r): r is RegExp => r !== undefined);
  const regexes = compileAll(a.regexes, "regexes");
  const onMatch = a.regexTarget === "match" || a.regexTarget === "line";
  return {
    regexes: onMatch ? [] : regexes,
    matchRegexes: onMatch ? regexes : [],
    stopwords: a.stopwords ?? [],
    paths: compileAll(a.paths, "paths"),
  };
}

export function compileSecretsConfig(config: SecretsConfig, opts: CompileOptions): CompiledSecretsConfig {
  const problems: ScanProblem[] = [];
  const extraRules: SecretRule[] = [];
  const seen = new Set<string>();
  for (const [i, r] of (config.rules ?? []).entries()) {
    const what = `rule ${r.id ? `"${r.id}"` : `#${i + 1}`}`;
    if (!r.id || !r.regex) {
      problems.push({ level: "error", path: opts.file, message: `${what}: needs both id and regex` });
      continue;
    }
    if (seen.has(r.id)) {
      problems.push({ level: "error", path: opts.file, message: `${what}: duplicate rule id` });
      continue;
    }
    seen.add(r.id);
    const pattern = compileUserRegex(r.regex, r.flags ?? "", what, opts, problems);
    if (!pattern) continue;
    const path = r.path ? compileUserRegex(r.path, "", `${what} path`, opts, problems) : undefined;
    const lists = (r.allowlists ?? []).map((a, j) =>
      compileAllowlist(a, `${what} allowlist ${j + 1}`, opts, problems),
    );
    extraRules.push({
      id: r.id,
      description: r.description ?? r.id,
      severity: r.severity ?? "high",
      keywords: (r.keywords ?? []).map((k) => k.toLowerCase()).filter((k) => k !== ""),
      pattern,
      secretGroup: r.secretGroup,
      minEntropy: r.entropy,
      path,
      allowlist: {
        regexes: lists.flatMap((l) => l.regexes),
        matchRegexes: lists.flatMap((l) => l.matchRegexes),
        stopwords: lists.flatMap((l) => l.stopwords),
        paths: lists.flatMap((l) => l.paths),
      },
      examples: { tp: [], fp: [] },
    });
  }
  const globals = (config.allowlists ?? []).map((a, j) => ({
    ...compileAllowlist(a, `allowlist ${j + 1}`, opts, problems),
    globs: a.pathGlobs ?? [],
  }));
  return {
    extraRules,
    allowlist: {
      paths: globals.flatMap((g) => g.globs),
      pathRegexes: globals.flatMap((g) => g.paths),
      regexes: globals.flatMap((g) => [...g.regexes, ...g.matchRegexes]),
      stopwords: globals.flatMap((g) => g.stopwords),
    },
    disabledRules: config.disabledRules ?? [],
    useDefaultRules: config.useDefaultRules ?? true,
    problems,
  };
}
