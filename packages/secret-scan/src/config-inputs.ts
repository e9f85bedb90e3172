// Custom rules, allowlists and disabled rules from the `secret-scan` section of .github/bulwark.yml (or
// the inputs of the same names, as YAML): the engine's SecretsConfig in the config file's kebab-case.
import { input, type JsonSchema } from "@bulwark/core";
import type { CustomAllowlistConfig, CustomRuleConfig } from "@bulwark/secrets";

const strings: JsonSchema = { type: "array", items: { type: "string" } };

const ALLOWLIST_SCHEMA: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    regexes: strings,
    "regex-target": { type: "string", enum: ["secret", "match", "line"] },
    stopwords: strings,
    paths: strings,
    "path-globs": strings,
  },
};

const RULE_SCHEMA: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["id", "regex"],
  properties: {
    id: { type: "string", minLength: 1 },
    description: { type: "string" },
    regex: { type: "string", minLength: 1 },
    flags: { type: "string", pattern: "^[imsu]*$" },
    "secret-group": { type: "integer", minimum: 0 },
    entropy: { type: "number", minimum: 0, maximum: 8 },
    keywords: strings,
    path: { type: "string" },
    severity: { type: "string", enum: ["critical", "high", "medium", "low", "info"] },
    allowlists: { type: "array", items: ALLOWLIST_SCHEMA },
  },
};

type Raw = Record<string, unknown>;
type Allowlist = CustomAllowlistConfig & { pathGlobs?: string[] };

function toAllowlist(a: Raw): Allowlist {
  return {
    regexes: a["regexes"] as string[] | undefined,
    regexTarget: a["regex-target"] as Allowlist["regexTarget"],
    stopwords: a["stopwords"] as string[] | undefined,
    paths: a["paths"] as string[] | undefined,
    pathGlobs: a["path-globs"] as string[] | undefined,
  };
}

function toRule(r: Raw): CustomRuleConfig {
  return {
    id: r["id"] as string,
    description: r["description"] as string | undefined,
    regex: r["regex"] as string,
    flags: r["flags"] as string | undefined,
    secretGroup: r["secret-group"] as number | undefined,
    entropy: r["entropy"] as number | undefined,
    keywords: r["keywords"] as string[] | undefined,
    path: r["path"] as string | undefined,
    severity: r["severity"] as CustomRuleConfig["severity"],
    allowlists: ((r["allowlists"] as Raw[] | undefined) ?? []).map(toAllowlist),
  };
}

export const secretsConfigInputs = [
  input.yaml("rules", {
    description:
      "Custom rules, a YAML list of {id, regex, description, flags, secret-group, entropy, keywords, path, severity, allowlists}; regexes are JavaScript syntax and are refused if they can backtrack catastrophically.",
    schema: { type: "array", items: RULE_SCHEMA },
    default: [] as CustomRuleConfig[],
    parse: (v) => ((v as Raw[] | null) ?? []).map(toRule),
  }),
  input.yaml("allowlists", {
    description:
      "Global allowlists, a YAML list of {regexes, regex-target (secret|match|line), stopwords, paths (regexes), path-globs}.",
    schema: { type: "array", items: ALLOWLIST_SCHEMA },
    default: [] as Allowlist[],
    parse: (v) => ((v as Raw[] | null) ?? []).map(toAllowlist),
  }),
  input.list("disabled-rules", { description: "Built-in rule ids not to use.", default: [] }),
] as const;
