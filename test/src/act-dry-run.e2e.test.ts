// Every committed action bundle under nektos/act's environment (harness/act-environment.ts: ACT=true, act's
// GITHUB_* and RUNNER_* values, and no token, as act gives none unless the user passes -s GITHUB_TOKEN=...).
// Each check must run in full on a real repository and skip only its GitHub writes (pull request comment,
// code-scanning upload), saying so in one notice; nothing may reach the GitHub API, act's cache server or
// its artifact runtime. The list of actions is read from actions/, so an action added later is held to the
// same rule without editing this file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExportServer, type ExportServer } from "../../packages/osv/src/test-support/export-server.js";
import { OSV_DB_DIR } from "../../packages/osv/src/test-support/shared-data.js";
import { actEnvironment, makeActRepo, pullRequestEvent, type ActRepo } from "./harness/act-environment.js";
import { GitHubServer } from "./harness/github-server.js";
import { readActionYml, runAction, type ActionRun } from "./harness/run-action.js";

const actionsDir = fileURLToPath(new URL("../../actions/", import.meta.url));
const actions = readdirSync(actionsDir)
  .filter((name) => existsSync(join(actionsDir, name, "action.yml")))
  .sort();

let exportsServer: ExportServer;
let github: GitHubServer;
beforeAll(async () => {
  exportsServer = await startExportServer(OSV_DB_DIR);
  github = await new GitHubServer({ writeTokens: ["ghs_write"], releases: [{ tag_name: "v1.0.0" }] }).start();
}, 60_000);
afterAll(async () => {
  await exportsServer.close();
  await github.stop();
});

/** Inputs every action gets: ask for both GitHub writes and never fail on findings (the test is about the
 * run completing, not the gate), plus what each check needs to stay on this machine. */
function inputsFor(action: string): Record<string, string> {
  const declared = readActionYml(join(actionsDir, action)).inputs;
  const wanted: Record<string, string> = {
    comment: "always",
    "upload-sarif": "true",
    "fail-on": "none",
    "json-file": `out/${action}.json`,
    // Offline and local: no step of these runs may need the internet.
    "check-runtimes": "false",
    database: "offline",
    "osv-db-url": exportsServer.url,
    "database-cache": ".cache/osv",
  };
  return Object.fromEntries(Object.entries(wanted).filter(([name]) => name in declared));
}

interface ActRunOptions {
  /** The event payload act writes: a real one (-e pr-event.json), or act's near-empty default. */
  event?: "payload" | "empty";
  eventName?: "pull_request" | "push";
  repository?: string;
  token?: string;
}

async function runUnderAct(action: string, repo: ActRepo, options: ActRunOptions = {}): Promise<ActionRun> {
  const eventName = options.eventName ?? "pull_request";
  return runAction(join(actionsDir, action), {
    workspace: repo.dir,
    eventName,
    event: options.event === "empty" ? {} : pullRequestEvent(repo),
    inputs: inputsFor(action),
    ...(options.token ? { githubToken: options.token } : {}),
    env: actEnvironment(repo, {
      serviceUrl: github.url,
      eventName,
      ...(options.repository !== undefined ? { repository: options.repository } : {}),
      ...(options.token ? { token: options.token } : {}),
    }),
    timeoutMs: 300_000,
  });
}

/** The run completed: no error, not failed, outputs and reports written. */
function expectCompleteRun(action: string, repo: ActRepo, run: ActionRun): void {
  const declared = readActionYml(join(actionsDir, action)).inputs;
  expect(run.commands.filter((c) => c.command === "error").map((c) => c.message)).toEqual([]);
  expect(run.exitCode).toBe(0);
  expect(run.outputs.failed).toBe("false");
  expect(run.outputs.findings).toMatch(/^\d+$/);
  expect(run.summary.length).toBeGreaterThan(0);
  const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"]!, "utf8")) as { runs: unknown[] };
  expect(sarif.runs.length).toBeGreaterThan(0);
  if ("json-file" in declared) expect(existsSync(join(repo.dir, `out/${action}.json`))).toBe(true);
  // The planted credential never appears in what the run printed or wrote, other than to mask it.
  const printed = run.stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
  for (const text of [printed, run.stderr, run.summary, JSON.stringify(run.outputs)])
    expect(text).not.toContain(repo.planted);
}

/** Nothing reached GitHub, and one notice says what was skipped and how to allow it. */
function expectWritesSkipped(action: string, run: ActionRun, before: number): void {
  const declared = readActionYml(join(actionsDir, action)).inputs;
  expect(github.requests.slice(before)).toEqual([]);
  const skipped = run.commands.filter(
    (c) => c.command === "notice" && c.message.startsWith("Skipped GitHub writes"),
  );
  expect(skipped).toHaveLength(1);
  const notice = skipped[0]!.message;
  expect(notice).toContain("The check itself ran in full.");
  if ("comment" in declared)
    expect(notice).toContain("the pull request comment (no token; under act pass one with -s GITHUB_TOKEN=");
  if ("upload-sarif" in declared) expect(notice).toContain("the code-scanning upload (no token;");
}

describe("under act (ACT=true, no token)", () => {
  it("finds the actions to run", () => {
    expect(actions).toEqual(
      expect.arrayContaining(["container-scan", "osv-scan", "sast", "secret-scan", "supported-versions"]),
    );
  });

  it.each(actions)("%s runs its whole check and skips only the GitHub writes, saying so", async (action) => {
    const repo = makeActRepo();
    const before = github.requests.length;
    const run = await runUnderAct(action, repo);
    expectCompleteRun(action, repo, run);
    expectWritesSkipped(action, run, before);
    // The analysers and detectors really ran on the pull request.
    if (action === "sast") expect(Number(run.outputs.findings)).toBeGreaterThan(0);
    if (action === "secret-scan") expect(Number(run.outputs.findings)).toBeGreaterThan(0);
  });

  // `act pull_request` without -e: the payload has no pull request, so there is no base to compare with.
  it.each(actions)("%s runs in full with act's empty default event payload", async (action) => {
    const repo = makeActRepo();
    const before = github.requests.length;
    const run = await runUnderAct(action, repo, { event: "empty" });
    expectCompleteRun(action, repo, run);
    expect(github.requests.slice(before)).toEqual([]);
    // Scanning the working tree instead of the range still finds the planted credential.
    if (action === "secret-scan") expect(Number(run.outputs.findings)).toBeGreaterThan(0);
  });

  // act names the repository after the `origin` remote; a clone without one leaves GITHUB_REPOSITORY empty.
  it.each(["osv-scan", "secret-scan", "supported-versions"])(
    "%s runs in full on a push in a clone without a GitHub remote",
    async (action) => {
      const repo = makeActRepo();
      const before = github.requests.length;
      const run = await runUnderAct(action, repo, { eventName: "push", event: "empty", repository: "" });
      expectCompleteRun(action, repo, run);
      expect(github.requests.slice(before)).toEqual([]);
    },
  );

  it("osv-scan under act still finds the vulnerable lodash in the SBOM", async () => {
    const repo = makeActRepo();
    const run = await runUnderAct("osv-scan", repo);
    expect(run.exitCode).toBe(0);
    expect(Number(run.outputs.findings)).toBeGreaterThan(0);
    expect(run.outputs["vulnerable-packages"]).toContain("lodash");
  });

  it("makes the writes when the user passes a token (act -s GITHUB_TOKEN=...)", async () => {
    const repo = makeActRepo();
    const comments = github.comments.length;
    const uploads = github.sarifUploads.length;
    const run = await runUnderAct("osv-scan", repo, { token: "ghs_write" });
    expect(run.exitCode).toBe(0);
    expect(github.comments.length).toBe(comments + 1);
    expect(github.sarifUploads.length).toBe(uploads + 1);
    expect(run.commands.some((c) => c.command === "notice" && c.message.startsWith("Skipped"))).toBe(false);
  });
});
