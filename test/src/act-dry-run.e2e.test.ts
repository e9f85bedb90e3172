// Every committed action bundle under nektos/act's environment: ACT=true, act's GITHUB_* values, and no
// token (act gives none unless the user passes -s GITHUB_TOKEN=...). Each check must run in full on a real
// repository and skip only its GitHub writes (pull request comment, code-scanning upload), saying so in
// one notice; nothing may reach the GitHub API. The list of actions is read from actions/, so an action
// added later is held to the same rule without editing this file.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExportServer, type ExportServer } from "../../packages/osv/src/test-support/export-server.js";
import { LOCKFILES_DIR, OSV_DB_DIR } from "../../packages/osv/src/test-support/shared-data.js";
import { GitHubServer } from "./harness/github-server.js";
import { readActionYml, runAction } from "./harness/run-action.js";

const actionsDir = fileURLToPath(new URL("../../actions/", import.meta.url));
const actions = readdirSync(actionsDir)
  .filter((name) => existsSync(join(actionsDir, name, "action.yml")))
  .sort();

/** juice-shop 11.1.2's CycloneDX SBOM: lodash 4.17.19, vulnerable (GHSA-35jh-r3h4-6jhm). */
const JUICE_SHOP = "cyclonedx-json/CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json";

interface Repo {
  dir: string;
  base: string;
  head: string;
}

/** A real repository: a policy, a released tag, an SBOM with a vulnerable package, a shell script with a
 * quoting bug, then a pull request commit on top. */
function makeRepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-act-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
      stdio: "pipe",
    })
      .toString()
      .trim();
  const write = (name: string, text: string) => {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  git("init", "-q", "-b", "main");
  git("config", "user.email", "dev@example.test");
  git("config", "user.name", "Dev");
  write(
    "SECURITY.md",
    "# Security\n\n## Supported Versions\n\n| Version | Supported |\n| --- | --- |\n| 1.x | ✅ |\n\nReport to security@example.test.\n",
  );
  mkdirSync(join(dir, "web"));
  copyFileSync(join(LOCKFILES_DIR, JUICE_SHOP), join(dir, "web/bom.json"));
  write("scripts/deploy.sh", "#!/bin/sh\ncd $1\nrm -rf $TARGET/build\n");
  git("add", "-A");
  git("commit", "-q", "-m", "release 1.0.0");
  git("tag", "v1.0.0");
  const base = git("rev-parse", "HEAD");
  // The pull request adds an unquoted expansion, so scope auto (the changed lines) has a finding too.
  write("scripts/deploy.sh", "#!/bin/sh\ncd $1\nrm -rf $TARGET/build\ncp -r build $DEST\n");
  git("add", "-A");
  git("commit", "-q", "-m", "deploy: copy the build");
  return { dir, base, head: git("rev-parse", "HEAD") };
}

function pullRequestEvent(repo: Repo) {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: "main", sha: repo.base, repo: { full_name: "octo/app" } },
      head: { ref: "deploy", sha: repo.head, repo: { full_name: "octo/app" } },
    },
    repository: { full_name: "octo/app", default_branch: "main" },
  };
}

/** What act puts in a job's environment (no GITHUB_TOKEN value unless -s GITHUB_TOKEN is given). */
function actEnvironment(repo: Repo, apiUrl: string): Record<string, string> {
  return {
    ACT: "true",
    GITHUB_ACTOR: "nektos/act",
    GITHUB_RUN_ID: "1",
    GITHUB_RUN_NUMBER: "1",
    GITHUB_WORKFLOW: "bulwark security",
    GITHUB_SHA: repo.head,
    GITHUB_REF: "refs/pull/7/merge",
    GITHUB_TOKEN: "",
    // Where act's default would be api.github.com: a local server, so any call at all is seen.
    GITHUB_API_URL: apiUrl,
  };
}

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
function inputsFor(action: string, declared: Record<string, unknown>): Record<string, string> {
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

describe("under act (ACT=true, no token)", () => {
  it("finds the actions to run", () => {
    expect(actions).toEqual(
      expect.arrayContaining(["osv-scan", "sast", "secret-scan", "supported-versions"]),
    );
  });

  it.each(actions)("%s runs its whole check and skips only the GitHub writes, saying so", async (action) => {
    const dir = join(actionsDir, action);
    const declared = readActionYml(dir).inputs;
    const repo = makeRepo();
    const before = github.requests.length;
    const run = await runAction(dir, {
      workspace: repo.dir,
      eventName: "pull_request",
      event: pullRequestEvent(repo),
      inputs: inputsFor(action, declared),
      env: actEnvironment(repo, github.url),
      timeoutMs: 300_000,
    });

    // The check completed: no error, not failed, outputs and reports written.
    expect(run.commands.filter((c) => c.command === "error").map((c) => c.message)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs.failed).toBe("false");
    expect(run.outputs.findings).toMatch(/^\d+$/);
    expect(run.summary.length).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"]!, "utf8")) as { runs: unknown[] };
    expect(sarif.runs.length).toBeGreaterThan(0);
    if ("json-file" in declared) expect(existsSync(join(repo.dir, `out/${action}.json`))).toBe(true);
    // The analysers really ran: ShellCheck's quoting finding on the line the pull request added.
    if (action === "sast") expect(Number(run.outputs.findings)).toBeGreaterThan(0);

    // Nothing reached GitHub, and one notice says what was skipped and how to allow it.
    expect(github.requests.slice(before)).toEqual([]);
    const skipped = run.commands.filter(
      (c) => c.command === "notice" && c.message.startsWith("Skipped GitHub writes"),
    );
    expect(skipped).toHaveLength(1);
    const notice = skipped[0]!.message;
    expect(notice).toContain("The check itself ran in full.");
    if ("comment" in declared)
      expect(notice).toContain(
        "the pull request comment (no token; under act pass one with -s GITHUB_TOKEN=",
      );
    if ("upload-sarif" in declared) expect(notice).toContain("the code-scanning upload (no token;");
  });

  it("osv-scan under act still finds the vulnerable lodash in the SBOM", async () => {
    const dir = join(actionsDir, "osv-scan");
    const repo = makeRepo();
    const run = await runAction(dir, {
      workspace: repo.dir,
      eventName: "pull_request",
      event: pullRequestEvent(repo),
      inputs: inputsFor("osv-scan", readActionYml(dir).inputs),
      env: actEnvironment(repo, github.url),
    });
    expect(run.exitCode).toBe(0);
    expect(Number(run.outputs.findings)).toBeGreaterThan(0);
    expect(run.outputs["vulnerable-packages"]).toContain("lodash");
  });

  it("makes the writes when the user passes a token (act -s GITHUB_TOKEN=...)", async () => {
    const dir = join(actionsDir, "osv-scan");
    const repo = makeRepo();
    const comments = github.comments.length;
    const uploads = github.sarifUploads.length;
    const run = await runAction(dir, {
      workspace: repo.dir,
      eventName: "pull_request",
      event: pullRequestEvent(repo),
      inputs: inputsFor("osv-scan", readActionYml(dir).inputs),
      githubToken: "ghs_write",
      env: { ...actEnvironment(repo, github.url), GITHUB_TOKEN: "ghs_write" },
    });
    expect(run.exitCode).toBe(0);
    expect(github.comments.length).toBe(comments + 1);
    expect(github.sarifUploads.length).toBe(uploads + 1);
    expect(run.commands.some((c) => c.command === "notice" && c.message.startsWith("Skipped"))).toBe(false);
  });
});
