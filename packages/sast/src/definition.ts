// The sast check as the action and the CLI see it: its inputs and how they map to the engine.
import { resolve } from "node:path";
import { commonInputs, defineCheck, input, readGitHubContext } from "@bulwark/core";
import { ANALYSER_NAMES } from "./analysers/index.js";
import { scanSast, SCOPES } from "./scan-sast.js";

export const sastCheck = defineCheck({
  name: "sast",
  description: "Runs the static analysers that fit the repository's languages and gates on what they find.",
  specs: [
    ...commonInputs,
    input.list("tools", {
      description: `Analysers to run instead of choosing by language: ${ANALYSER_NAMES.join(", ")}.`,
    }),
    input.list("sarif-files", {
      description:
        "SARIF files other steps wrote, merged into the results (paths relative to the workspace).",
    }),
    input.list("semgrep-rules", {
      description:
        "Semgrep rule sets to run when Semgrep is installed (registry packs such as p/python, or rule files); default: the repository's .semgrep.yml, else p/default.",
      default: [],
    }),
    input.list("exclude", {
      description:
        "Paths no analyser looks at, in .gitignore syntax relative to path, on top of the defaults (node_modules, dist, build, vendor, third_party, minified and generated files); `!dist/` brings a default back.",
      default: [],
    }),
    input.choice("scope", {
      description:
        "Which findings count: all, changed-lines (only lines a pull request adds or changes), new (not found on the base commit), or auto (changed-lines on pull requests and merge groups, all elsewhere).",
      values: [...SCOPES, "auto"],
      default: "auto",
    }),
    input.boolean("install-missing", {
      description:
        "Install missing analysers (bandit, shellcheck, cppcheck, flawfinder) with apt-get on Linux runners, as root or with passwordless sudo.",
      default: false,
    }),
    input.number("tool-timeout", {
      description: "Seconds each analyser may run before it is stopped.",
      integer: true,
      min: 1,
      default: 600,
    }),
  ] as const,
  async run(inputs, context) {
    let base: string | undefined;
    let head: string | undefined;
    const gh = readGitHubContext(context.env);
    const change = gh.pullRequest ?? gh.mergeGroup;
    const scope = inputs.scope === "auto" ? (change ? "changed-lines" : "all") : inputs.scope;
    if (scope !== "all") {
      if (change) {
        base = change.baseSha;
        head = change.headSha;
      } else if (gh.push?.before) {
        base = gh.push.before;
        head = gh.push.after;
      }
    }
    return scanSast({
      root: context.root,
      tools: inputs.tools ?? [],
      sarifFiles: (inputs.sarifFiles ?? []).map((f) => resolve(context.workspace, f)),
      exclude: inputs.exclude,
      semgrepRules: inputs.semgrepRules,
      installMissing: inputs.installMissing,
      scope,
      ...(base && head ? { base, head } : {}),
      timeoutMs: inputs.toolTimeout * 1000,
      env: context.env as NodeJS.ProcessEnv,
      tempDir: context.tempDir,
      progress: (m) => context.progress(m),
    });
  },
});
