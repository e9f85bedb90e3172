// Flawfinder (C/C++): SARIF output; `// Flawfinder: ignore` is honoured by Flawfinder itself.
import type { Severity } from "@bulwark/core";
import type { Analyser } from "../analyser.js";
import { execTool } from "../exec-tool.js";
import { findExecutable } from "../find-executable.js";
import { importSarif } from "../sarif-import.js";
import { versionOf } from "../version-of.js";
import { checkRun, parseToolJson } from "./output-json.js";

/** Flawfinder's risk level 0-5 is its SARIF rank times five. */
export function flawfinderSeverity(rank: number | undefined): Severity | undefined {
  if (rank === undefined) return undefined;
  const level = Math.round(rank * 5);
  return level >= 4 ? "high" : level === 3 ? "medium" : level === 2 ? "low" : "info";
}

export const flawfinder: Analyser = {
  name: "flawfinder",
  aptPackage: "flawfinder",
  install: "`sudo apt-get install -y flawfinder` or `pipx install flawfinder`",
  informationUri: "https://dwheeler.com/flawfinder/",
  languages: ["c"],
  optional: false,
  nolint: true,
  locate: (env) => findExecutable("flawfinder", env.PATH),
  version: (exe, env, timeoutMs) => versionOf(exe, ["--version"], env, timeoutMs),
  async run({ root, files, executable, timeoutMs, env }) {
    const run = await execTool(
      executable,
      ["--sarif", ...files.map((f) => (f.startsWith("-") ? `./${f}` : f))],
      { cwd: root, timeoutMs, env },
    );
    checkRun("flawfinder", run, [0]);
    const [first] = importSarif(parseToolJson("flawfinder", run), {
      root,
      tool: "flawfinder",
      severity: (result) => flawfinderSeverity(result.rank),
    });
    return { findings: first?.findings ?? [], problems: [] };
  },
};
