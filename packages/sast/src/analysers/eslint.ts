// ESLint with eslint-plugin-security (and @typescript-eslint/parser for TypeScript), run with our own
// security config: the repository's lint config is never loaded. ESLint is our dependency, not the repo's.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { ScanProblem, Severity } from "@bulwark/core";
import type { Analyser, RawFinding } from "../analyser.js";
import { execTool } from "../exec-tool.js";
import { versionOf } from "../version-of.js";
import { ESLINT_HOST_FLAG, ESLINT_VERSION, eslintHostScript } from "./eslint-host.js";
import { checkRun, parseToolJson } from "./output-json.js";

/** Rules whose hits usually mean code execution; the rest are "worth a look". */
const HIGH_RULES = new Set([
  "security/detect-eval-with-expression",
  "security/detect-child-process",
  "security/detect-new-buffer",
  "security/detect-pseudoRandomBytes",
]);

interface EslintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
}

interface EslintFileResult {
  filePath: string;
  messages: EslintMessage[];
}

function resolveFromHere(specifier: string): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return undefined;
  }
}

/** The ESLint CLI script of our own dependency. */
export function eslintScript(): string | undefined {
  const pkg = resolveFromHere("eslint/package.json");
  return pkg ? join(dirname(pkg), "bin", "eslint.js") : undefined;
}

/** Our flat config, written as a module that imports the plugin and parser by absolute URL. */
export function securityConfigSource(): string {
  const plugin = resolveFromHere("eslint-plugin-security");
  const parser = resolveFromHere("@typescript-eslint/parser");
  if (!plugin || !parser)
    throw new Error("eslint-plugin-security or @typescript-eslint/parser is not installed");
  return [
    `import security from ${JSON.stringify(pathToFileURL(plugin).href)};`,
    `import * as tsParser from ${JSON.stringify(pathToFileURL(parser).href)};`,
    `const rules = security.configs.recommended.rules;`,
    `export default [`,
    `  { linterOptions: { reportUnusedDisableDirectives: "off" } },`,
    `  { files: ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"], plugins: { security }, rules,`,
    `    languageOptions: { ecmaVersion: "latest", parserOptions: { ecmaFeatures: { jsx: true } } } },`,
    `  { files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx"], plugins: { security }, rules,`,
    `    languageOptions: { parser: tsParser.default ?? tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },`,
    `];`,
    ``,
  ].join("\n");
}

export function eslintFindings(
  results: EslintFileResult[],
  root: string,
): { findings: RawFinding[]; problems: ScanProblem[] } {
  const findings: RawFinding[] = [];
  const problems: ScanProblem[] = [];
  for (const file of results) {
    const path = relative(root, file.filePath).replace(/\\/g, "/");
    for (const m of file.messages) {
      // Messages without a rule that are not fatal are ESLint's remarks on the file's own config
      // comments (e.g. a rule configured twice); they are not findings and nothing went unchecked.
      if (!m.fatal && m.ruleId === null) continue;
      if (m.fatal || m.ruleId === null) {
        problems.push({
          level: "error",
          path,
          ...(m.line ? { line: m.line } : {}),
          message: `eslint could not parse ${path}${m.line ? `:${m.line}` : ""}: ${m.message}`,
        });
        continue;
      }
      const severity: Severity = HIGH_RULES.has(m.ruleId) ? "high" : "medium";
      const rule = m.ruleId.replace(/^security\//, "");
      findings.push({
        tool: "eslint",
        ruleId: m.ruleId,
        title: m.message,
        message: m.message,
        severity,
        path,
        ...(m.line ? { line: m.line } : {}),
        ...(m.endLine && m.line && m.endLine > m.line ? { endLine: m.endLine } : {}),
        ...(m.column ? { column: m.column } : {}),
        ...(m.endColumn && m.endLine === m.line ? { endColumn: m.endColumn } : {}),
        helpUri: `https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/${rule}.md`,
      });
    }
  }
  return { findings, problems };
}

export const eslint: Analyser = {
  name: "eslint",
  informationUri: "https://github.com/eslint-community/eslint-plugin-security",
  languages: ["javascript", "typescript"],
  optional: false,
  // Our own dependency on disk, else the bundle that carries it.
  locate: () => eslintScript() ?? eslintHostScript(),
  // Our own dependency's package.json: starting node to print it would cost as much as a small lint.
  version: async (script, env, timeoutMs) => {
    if (script === eslintHostScript()) return ESLINT_VERSION;
    try {
      const pkg = JSON.parse(await readFile(join(dirname(script), "..", "package.json"), "utf8")) as {
        version?: string;
      };
      if (pkg.version) return pkg.version;
    } catch {
      // Not beside its package.json: ask the script.
    }
    return versionOf(process.execPath, [script, "--version"], env, timeoutMs);
  },
  async run({ root, files, executable, timeoutMs, env, tempDir }) {
    if (executable === eslintHostScript()) {
      const run = await execTool(process.execPath, [executable, ESLINT_HOST_FLAG, root, ...files], {
        cwd: root,
        timeoutMs,
        env,
      });
      checkRun("eslint", run, [0]);
      return eslintFindings(parseToolJson("eslint", run) as EslintFileResult[], root);
    }
    const dir = await mkdtemp(join(tempDir, "eslint-"));
    try {
      const config = join(dir, "eslint.config.mjs");
      await writeFile(config, securityConfigSource());
      const args = [executable, "--config", config, "--format", "json", "--no-warn-ignored", "--", ...files];
      // Exit code 1 means "problems found"; 2 is a crash or a config error.
      const run = await execTool(process.execPath, args, { cwd: root, timeoutMs, env });
      checkRun("eslint", run, [0, 1]);
      return eslintFindings(parseToolJson("eslint", run) as EslintFileResult[], root);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
