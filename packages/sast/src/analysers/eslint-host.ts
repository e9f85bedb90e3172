// The plugin ships no types; the reference makes the declaration visible to the action that bundles this file too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/eslint-plugin-security.d.ts" />
// ESLint run inside a program that bundles it (the action's dist/index.js), for when the eslint package
// cannot be resolved from disk: the bundle starts itself again with ESLINT_HOST_FLAG and lints in that
// child process, so the time limit and crash isolation are the same as for every other tool.
import * as tsParserModule from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import security from "eslint-plugin-security";

export const ESLINT_HOST_FLAG = "--bulwark-eslint-host";

let hostScript: string | undefined;

/** Declares that `script` (run by node) answers ESLINT_HOST_FLAG; call it from a bundle's entry point. */
export function registerEslintHost(script: string): void {
  hostScript = script;
}

export function eslintHostScript(): string | undefined {
  return hostScript;
}

export const ESLINT_VERSION = ESLint.version;

// A bundler may hand the CommonJS parser over as the namespace or under `default`.
const tsParser: Linter.Parser =
  "parseForESLint" in tsParserModule
    ? tsParserModule
    : (tsParserModule as unknown as { default: Linter.Parser }).default;

/** The same rules as the config file the CLI path writes. */
export function securityConfig(): Linter.Config[] {
  const rules = security.configs.recommended.rules;
  return [
    { linterOptions: { reportUnusedDisableDirectives: "off" } },
    {
      files: ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"],
      plugins: { security },
      rules,
      languageOptions: { ecmaVersion: "latest", parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx"],
      plugins: { security },
      rules,
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ];
}

/** The child's side: `node <script> ESLINT_HOST_FLAG <cwd> <files...>` prints ESLint's JSON results. */
export async function eslintHostMain(args: readonly string[]): Promise<number> {
  const [cwd, ...files] = args;
  const eslint = new ESLint({
    cwd: cwd!,
    overrideConfigFile: true,
    overrideConfig: securityConfig(),
    warnIgnored: false,
  });
  const results = await eslint.lintFiles(files);
  process.stdout.write(JSON.stringify(results.map((r) => ({ filePath: r.filePath, messages: r.messages }))));
  return 0;
}
