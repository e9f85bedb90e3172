// gosec (Go), only when installed: SARIF output; `#nosec` is honoured by gosec itself.
import type { Analyser } from "../analyser.js";
import { execTool } from "../exec-tool.js";
import { findExecutable } from "../find-executable.js";
import { importSarif } from "../sarif-import.js";
import { versionOf } from "../version-of.js";
import { checkRun, parseToolJson } from "./output-json.js";

export const gosec: Analyser = {
  name: "gosec",
  install: "`go install github.com/securego/gosec/v2/cmd/gosec@latest`",
  informationUri: "https://github.com/securego/gosec",
  languages: ["go"],
  optional: true,
  takesFiles: false,
  locate: (env) => findExecutable("gosec", env.PATH),
  version: (exe, env, timeoutMs) => versionOf(exe, ["-version"], env, timeoutMs),
  async run({ root, executable, timeoutMs, env }) {
    // gosec works on packages, not files; exit code 1 means "issues found".
    const run = await execTool(executable, ["-fmt=sarif", "-quiet", "-no-fail", "./..."], {
      cwd: root,
      timeoutMs,
      env,
    });
    checkRun("gosec", run, [0, 1]);
    const [first] = importSarif(parseToolJson("gosec", run), { root, tool: "gosec" });
    return { findings: first?.findings ?? [], problems: [] };
  },
};
