// Reads a gitleaks configuration (.gitleaks.toml) into our SecretsConfig, so a repository can switch
// over with its custom rules and allowlists. Supported: [extend] useDefault, [[rules]] with id,
// description, regex, secretGroup, entropy, keywords, path, and [rules.allowlist]/[[rules.allowlists]];
// top-level [allowlist]/[[allowlists]] with paths, regexes, regexTarget, stopwords. Regexes are
// translated from Go syntax (go-regex.ts). Anything we cannot honour becomes a problem, never a silent skip.
import type { ScanProblem } from "@bulwark/core";
import { parse, TomlError } from "smol-toml";
import type { CustomAllowlistConfig, CustomRuleConfig, SecretsConfig } from "./custom-rules.js";
import { translateGoRegex } from "./go-regex.js";

export interface GitleaksImport {
  config: SecretsConfig;
  problems: ScanProblem[];
}

type Table = Record<string, unknown>;

/** Puts translated flags back as a leading group, which compileUserRegex understands. */
const withFlags = (r: { source: string; flags: string }) => (r.flags ? `(?${r.flags})${r.source}` : r.source);

const isTable = (v: unknown): v is Table => v !== null && typeof v === "object" && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;

export function importGitleaksConfig(text: string, file: string): GitleaksImport {
  const problems: ScanProblem[] = [];
  let doc: Table;
  try {
    doc = parse(text) as Table;
  } catch (e) {
    const line = e instanceof TomlError ? e.line : undefined;
    problems.push({
      level: "error",
      path: file,
      line,
      message: `not valid TOML: ${(e as Error).message.split("\n")[0]}`,
    });
    return { config: {}, problems };
  }

  const translate = (src: unknown, what: string): { source: string; flags: string } | undefined => {
    if (typeof src !== "string") return undefined;
    try {
      return translateGoRegex(src);
    } catch (e) {
      problems.push({ level: "error", path: file, message: `${what}: ${(e as Error).message}` });
      return undefined;
    }
  };

  const allowlist = (t: Table, what: string): CustomAllowlistConfig => {
    const regexes = (strings(t["regexes"]) ?? [])
      .map((r, i) => translate(r, `${what} regexes[${i}]`))
      .filter((r): r is { source: string; flags: string } => r !== undefined)
      .map(withFlags);
    const paths = (strings(t["paths"]) ?? [])
      .map((r, i) => translate(r, `${what} paths[${i}]`))
      .filter((r): r is { source: string; flags: string } => r !== undefined)
      .map((r) => r.source);
    if (t["commits"])
      problems.push({
        level: "notice",
        path: file,
        message: `${what}: commit allowlists apply to history scans only`,
      });
    const target = t["regexTarget"];
    return {
      regexes,
      paths,
      stopwords: strings(t["stopwords"]),
      regexTarget: target === "match" || target === "line" ? target : "secret",
    };
  };

  const allowlistsOf = (owner: Table, what: string): CustomAllowlistConfig[] => {
    const out: CustomAllowlistConfig[] = [];
    if (isTable(owner["allowlist"])) out.push(allowlist(owner["allowlist"], `${what} allowlist`));
    if (Array.isArray(owner["allowlists"]))
      owner["allowlists"].forEach((a, i) => isTable(a) && out.push(allowlist(a, `${what} allowlists[${i}]`)));
    return out;
  };

  const rules: CustomRuleConfig[] = [];
  const rawRules = Array.isArray(doc["rules"]) ? doc["rules"] : [];
  rawRules.forEach((r, i) => {
    if (!isTable(r)) return;
    const id = typeof r["id"] === "string" ? r["id"] : `rule-${i + 1}`;
    const what = `rule "${id}"`;
    if (typeof r["regex"] !== "string") {
      problems.push({
        level: "warning",
        path: file,
        message: `${what}: rules without a regex (path-only rules) are not supported and were not loaded`,
      });
      return;
    }
    const re = translate(r["regex"], what);
    if (!re) return;
    const path = typeof r["path"] === "string" ? translate(r["path"], `${what} path`) : undefined;
    rules.push({
      id,
      description: typeof r["description"] === "string" ? r["description"] : undefined,
      regex: re.source,
      flags: re.flags,
      secretGroup: typeof r["secretGroup"] === "number" ? r["secretGroup"] : undefined,
      entropy: typeof r["entropy"] === "number" ? r["entropy"] : undefined,
      keywords: strings(r["keywords"]),
      path: path?.source,
      allowlists: allowlistsOf(r, what),
    });
  });

  const extend = isTable(doc["extend"]) ? doc["extend"] : undefined;
  if (extend && typeof extend["path"] === "string")
    problems.push({
      level: "warning",
      path: file,
      message: `[extend] path "${extend["path"]}" is not followed; merge that file in`,
    });
  return {
    config: {
      rules,
      allowlists: allowlistsOf(doc, "global").map((a) => ({ ...a })),
      // Without [extend], a gitleaks config replaces the default rules.
      useDefaultRules: extend?.["useDefault"] === true,
    },
    problems,
  };
}
