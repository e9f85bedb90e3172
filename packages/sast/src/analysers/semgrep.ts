// Semgrep (any language), only when installed: SARIF output; `nosemgrep` is honoured by Semgrep itself.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Analyser } from "../analyser.js";
import { execTool } from "../exec-tool.js";
import { findExecutable } from "../find-executable.js";
import { importSarif } from "../sarif-import.js";
import { versionOf } from "../version-of.js";
import { checkRun, parseToolJson } from "./output-json.js";

export const semgrep: Analyser = {
  name: "semgrep",
  install: "`pipx install semgrep`",
  informationUri: "https://semgrep.dev/",
  languages: "any",
  optional: true,
  locate: (env) => findExecutable("semgrep", env.PATH),
  version: (exe, env, timeoutMs) => versionOf(exe, ["--version"], env, timeoutMs),
  async run({ root, files, executable, timeoutMs, env, rulesets }) {
    // The rule sets the user named, else SEMGREP_RULES, else the repository's own rules, else the
    // registry's default pack ("auto" needs metrics on).
    const local = [".semgrep.yml", ".semgrep.yaml", ".semgrep"].find((name) => existsSync(join(root, name)));
    const configs =
      rulesets && rulesets.length > 0 ? [...rulesets] : [env.SEMGREP_RULES ?? local ?? "p/default"];
    const run = await execTool(
      executable,
      ["scan", "--sarif", "--quiet", "--metrics=off", ...configs.map((c) => `--config=${c}`), "--", ...files],
      { cwd: root, timeoutMs, env },
    );
    checkRun("semgrep", run, [0, 1]);
    const [first] = importSarif(parseToolJson("semgrep", run), { root, tool: "semgrep" });
    return { findings: first?.findings ?? [], problems: [] };
  },
};
