// The secret-scan settings a repository carries in its own files: ignore lists and an existing
// gitleaks configuration, merged with settings from the caller (the action's config section).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ScanProblem } from "@bulwark/core";
import { compileSecretsConfig, type SecretsConfig } from "./custom-rules.js";
import { importGitleaksConfig } from "./gitleaks-config.js";
import { GITLEAKS_IGNORE_FILE_NAME, IGNORE_FILE_NAME, IgnoreList } from "./ignore-list.js";
import type { ScannerOptions } from "./scanner.js";

export const GITLEAKS_CONFIG_FILE_NAME = ".gitleaks.toml";

export interface RepoSettings {
  options: ScannerOptions;
  problems: ScanProblem[];
  /** Files that contributed, relative to the root. */
  files: string[];
}

export interface RepoSettingsOptions {
  /** Settings from the action config (rules, allowlists, disabled rules). */
  config?: SecretsConfig;
  /** Read .gitleaks.toml (default true). */
  gitleaks?: boolean;
  redosTimeoutMs?: number;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

export async function loadRepoSettings(root: string, opts: RepoSettingsOptions = {}): Promise<RepoSettings> {
  const problems: ScanProblem[] = [];
  const files: string[] = [];
  const ignore = new IgnoreList();
  for (const name of [IGNORE_FILE_NAME, GITLEAKS_IGNORE_FILE_NAME]) {
    try {
      const text = await readOptional(join(root, name));
      if (text !== undefined) {
        ignore.add(text);
        files.push(name);
      }
    } catch (e) {
      problems.push({ level: "error", path: name, message: `could not read: ${(e as Error).message}` });
    }
  }

  const configs: { config: SecretsConfig; file: string }[] = [];
  if (opts.gitleaks ?? true) {
    const text = await readOptional(join(root, GITLEAKS_CONFIG_FILE_NAME)).catch((e: Error) => {
      problems.push({
        level: "error",
        path: GITLEAKS_CONFIG_FILE_NAME,
        message: `could not read: ${e.message}`,
      });
      return undefined;
    });
    if (text !== undefined) {
      const imported = importGitleaksConfig(text, GITLEAKS_CONFIG_FILE_NAME);
      problems.push(...imported.problems);
      configs.push({ config: imported.config, file: GITLEAKS_CONFIG_FILE_NAME });
      files.push(GITLEAKS_CONFIG_FILE_NAME);
    }
  }
  if (opts.config) configs.push({ config: opts.config, file: "bulwark config (secret-scan)" });

  const options: ScannerOptions = { ignore: ignore.size > 0 ? ignore : undefined };
  let useDefaults = true;
  for (const { config, file } of configs) {
    const c = compileSecretsConfig(config, { file, redosTimeoutMs: opts.redosTimeoutMs });
    problems.push(...c.problems);
    options.extraRules = [...(options.extraRules ?? []), ...c.extraRules];
    options.disabledRules = [...(options.disabledRules ?? []), ...c.disabledRules];
    const a = options.allowlist ?? {};
    options.allowlist = {
      paths: [...(a.paths ?? []), ...(c.allowlist.paths ?? [])],
      pathRegexes: [...(a.pathRegexes ?? []), ...(c.allowlist.pathRegexes ?? [])],
      regexes: [...(a.regexes ?? []), ...(c.allowlist.regexes ?? [])],
      stopwords: [...(a.stopwords ?? []), ...(c.allowlist.stopwords ?? [])],
    };
    if (!c.useDefaultRules) useDefaults = false;
  }
  if (!useDefaults) {
    options.rules = [];
    problems.push({
      level: "notice",
      message: `${GITLEAKS_CONFIG_FILE_NAME} has no [extend] useDefault = true, so only its own rules are used`,
    });
  }
  return { options, problems, files };
}
