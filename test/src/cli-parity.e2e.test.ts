// `bulwark <check>` is the action without GitHub: for every action in actions/, the committed bundle under
// act's environment and the CLI, given the same inputs (as flags), report the same findings with the same
// statuses and reach the same verdict on the same repository.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../packages/cli/src/main.js";
import { program } from "../../packages/cli/src/program.js";
import { startExportServer, type ExportServer } from "../../packages/osv/src/test-support/export-server.js";
import { OSV_DB_DIR } from "../../packages/osv/src/test-support/shared-data.js";
import { actEnvironment, makeActRepo } from "./harness/act-environment.js";
import { GitHubServer } from "./harness/github-server.js";
import { readActionYml, runAction } from "./harness/run-action.js";

const actionsDir = fileURLToPath(new URL("../../actions/", import.meta.url));
const actions = readdirSync(actionsDir)
  .filter((name) => existsSync(join(actionsDir, name, "action.yml")))
  .sort();

let exportsServer: ExportServer;
let github: GitHubServer;
beforeAll(async () => {
  exportsServer = await startExportServer(OSV_DB_DIR);
  github = await new GitHubServer().start();
}, 60_000);
afterAll(async () => {
  await exportsServer.close();
  await github.stop();
});

interface Report {
  tool: string;
  verdict: string;
  failed: boolean;
  failOn: string;
  counts: unknown;
  findings: Array<{ fingerprint: string; ruleId: string; severity: string; status: string }>;
}

/** What must agree: the verdict, the counts and every finding as reported. */
function essentials(report: Report) {
  const { tool, verdict, failed, failOn, counts, findings } = report;
  return { tool, verdict, failed, failOn, counts, findings };
}

describe("the CLI and the action agree", () => {
  it.each(actions)("%s: same inputs, same findings and verdict", async (action) => {
    const declared = readActionYml(join(actionsDir, action)).inputs;
    // Inputs both get: the gate at medium, offline and local data only.
    const inputs = Object.fromEntries(
      Object.entries({
        "fail-on": "medium",
        "json-file": "out/report.json",
        "check-runtimes": "false",
        "github-releases": "false",
        database: "offline",
        "osv-db-url": exportsServer.url,
        "database-cache": ".cache/osv",
        scan: "tree",
        scope: "all",
      }).filter(([name]) => name in declared),
    );
    const repo = makeActRepo();

    const actionRun = await runAction(join(actionsDir, action), {
      workspace: repo.dir,
      eventName: "push",
      event: {},
      inputs,
      env: actEnvironment(repo, { serviceUrl: github.url, eventName: "push" }),
      timeoutMs: 300_000,
    });
    const fromAction = JSON.parse(readFileSync(join(repo.dir, "out/report.json"), "utf8")) as Report;

    let stdout = "";
    const flags = Object.entries(inputs).flatMap(([name, value]) =>
      name === "json-file" ? [] : [`--${name}`, value],
    );
    const code = await main(
      [action, ".", ...flags, "--format", "json", "--quiet"],
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        cwd: repo.dir,
        // As bin.ts gives it: the user's environment (PATH finds the analysers).
        env: process.env,
      },
      program,
    );
    // One check: the CLI's JSON is that check's report, the same shape as the action's json-file.
    const fromCli = JSON.parse(stdout) as Report;

    expect(essentials(fromCli)).toEqual(essentials(fromAction));
    // Not agreement on nothing: the repository has something for the scanners to find.
    if (["osv-scan", "sast", "secret-scan"].includes(action))
      expect(fromAction.findings.length).toBeGreaterThan(0);
    // lodash 4.17.19 is high: at fail-on medium both fail.
    if (action === "osv-scan") expect(fromAction.verdict).toBe("fail");
    // Exit codes line up too: the action's 1 is the CLI's 1 (the gate failed), 0 is 0.
    expect(code).toBe(actionRun.exitCode);
  });
});
