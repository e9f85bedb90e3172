// The committed supported-versions bundle, run as the runner runs it, on real git repositories, against
// the local GitHub API server.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubServer } from "./harness/github-server.js";
import { runAction } from "./harness/run-action.js";

const action = fileURLToPath(new URL("../../actions/supported-versions/", import.meta.url));

function repo(files: Record<string, string>, tags: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-sv-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null" },
      stdio: "pipe",
    });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "dev@example.test");
  git("config", "user.name", "Dev");
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  git("add", "-A");
  git("commit", "-q", "-m", "init");
  for (const tag of tags) {
    git("commit", "-q", "--allow-empty", "-m", tag);
    git("tag", tag);
  }
  return dir;
}

const table = (rows: string[]) =>
  [
    "# Security",
    "",
    "## Supported Versions",
    "",
    "| Version | Supported |",
    "| --- | --- |",
    ...rows,
    "",
    "Report to security@acme.dev.",
  ].join("\n");

const pullRequest = {
  pull_request: {
    number: 12,
    base: { ref: "main", sha: "a".repeat(40), repo: { full_name: "octo/app" } },
    head: { ref: "feature", sha: "b".repeat(40), repo: { full_name: "octo/app" } },
  },
};

let github: GitHubServer;
beforeEach(async () => {
  github = await new GitHubServer({
    writeTokens: ["ghs_write"],
    readTokens: ["ghs_read"],
    releases: [{ tag_name: "v3.0.0" }],
  }).start();
});
afterEach(() => github.stop());

describe("supported-versions action", () => {
  it("passes a truthful policy and writes outputs, summary and SARIF", async () => {
    const ws = repo({ "SECURITY.md": table(["| 2.x | ✅ |", "| < 2.0 | ❌ |"]) }, [
      "v1.0.0",
      "v2.0.0",
      "v2.3.1",
    ]);
    const run = await runAction(action, { workspace: ws, inputs: { "check-runtimes": "false" } });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      findings: "0",
      "new-findings": "0",
      failed: "false",
      "json-file": "",
    });
    expect(run.summary).toContain("✅ **supported-versions** passed");
    expect(run.summary).toContain("| 2.x | :white_check_mark: | 2.3.1 |");
    const sarif = JSON.parse(readFileSync(run.outputs["sarif-file"]!, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].automationDetails.id).toBe("supported-versions/");
    expect(run.outputs["sarif-file"]!.startsWith(run.runnerTemp)).toBe(true);
  });

  it("fails a stale policy on a pull request: annotations on the table, a sticky comment, a SARIF upload", async () => {
    const ws = repo({ "SECURITY.md": table(["| 1.x | ✅ |"]) }, ["v1.0.0", "v2.0.0"]);
    const options = {
      workspace: ws,
      eventName: "pull_request",
      event: pullRequest,
      inputs: {
        "check-runtimes": "false",
        "upload-sarif": "true",
        "json-file": "out/report.json",
        token: "ghs_write",
      },
      env: { GITHUB_API_URL: github.url },
    };
    const run = await runAction(action, options);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failed).toBe("true");
    const errors = run.commands.filter((c) => c.command === "error" && c.properties.file);
    expect(errors[0]).toMatchObject({ properties: { file: "SECURITY.md", line: "5" } });
    expect(errors[0]!.properties.title).toContain("latest release 3.0.0 is not covered");
    // The token is masked before anything else is printed.
    expect(run.commands[0]).toEqual({ command: "add-mask", properties: {}, message: "ghs_write" });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]!.issue).toBe(12);
    expect(github.comments[0]!.body).toContain("<!-- bulwark:supported-versions -->");
    expect(github.sarifUploads).toHaveLength(1);
    expect(github.sarifUploads[0]).toMatchObject({
      commitSha: "b".repeat(40),
      ref: "refs/pull/12/head",
      toolName: "supported-versions",
    });
    const report = JSON.parse(readFileSync(join(ws, "out/report.json"), "utf8"));
    expect(report.counts.blocking).toBeGreaterThan(0);
    // GitHub releases were read too: v3.0.0 exists only there, and it is the latest.
    expect(report.findings.map((f: { title: string }) => f.title).join("\n")).toContain("3.0.0");

    // A second run updates the same comment instead of adding one.
    await runAction(action, options);
    expect(github.comments).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
  });

  it("degrades to a notice when the token cannot write (fork pull requests)", async () => {
    const ws = repo({ "SECURITY.md": table(["| 1.x | ✅ |"]) }, ["v2.0.0"]);
    const run = await runAction(action, {
      workspace: ws,
      eventName: "pull_request",
      event: pullRequest,
      inputs: { "check-runtimes": "false", token: "ghs_read" },
      env: { GITHUB_API_URL: github.url },
    });
    expect(run.exitCode).toBe(1);
    expect(github.comments).toHaveLength(0);
    const notice = run.commands.find(
      (c) => c.command === "notice" && c.message.includes("Skipped the pull request comment"),
    );
    expect(notice?.message).toContain("HTTP 403");
  });

  it("runs the whole check under act without a token and says what it skipped", async () => {
    const ws = repo({ "SECURITY.md": table(["| 1.x | ✅ |"]) }, ["v2.0.0"]);
    const run = await runAction(action, {
      workspace: ws,
      eventName: "pull_request",
      event: pullRequest,
      inputs: { "check-runtimes": "false", "upload-sarif": "true" },
      env: { ACT: "true", GITHUB_API_URL: github.url },
    });
    expect(run.exitCode).toBe(1);
    expect(github.requests).toHaveLength(0);
    const skipped = run.commands.filter((c) => c.command === "notice" && c.message.startsWith("Skipped"));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.message).toContain(
      "the pull request comment (no token; under act pass one with -s GITHUB_TOKEN=",
    );
    expect(skipped[0]!.message).toContain("the code-scanning upload (no token;");
    expect(skipped[0]!.message).toContain("The check itself ran in full.");
  });

  it("writes to GitHub under act when the user passed a token", async () => {
    const ws = repo({ "SECURITY.md": table(["| 1.x | ✅ |"]) }, ["v2.0.0"]);
    const run = await runAction(action, {
      workspace: ws,
      eventName: "pull_request",
      event: pullRequest,
      inputs: { "check-runtimes": "false", token: "ghs_write" },
      env: { ACT: "true", GITHUB_API_URL: github.url },
    });
    expect(run.exitCode).toBe(1);
    expect(github.comments).toHaveLength(1);
  });

  it("fails with a message naming the config file and line", async () => {
    const ws = repo(
      {
        "SECURITY.md": table(["| 1.x | ✅ |"]),
        ".github/bulwark.yml": "supported-versions:\n  fail-on: hgih\n",
      },
      ["v1.0.0"],
    );
    const run = await runAction(action, { workspace: ws });
    expect(run.exitCode).toBe(1);
    const error = run.commands.find((c) => c.command === "error");
    expect(error?.message).toContain(".github/bulwark.yml:2");
    expect(run.outputs.failed).toBe("true");
  });

  it("honours fail-on and report-only from the config file", async () => {
    const ws = repo(
      {
        "SECURITY.md": table(["| 1.x | ✅ |"]),
        ".github/bulwark.yml": "supported-versions:\n  report-only: true\n",
      },
      ["v2.0.0"],
    );
    const run = await runAction(action, { workspace: ws, inputs: { "check-runtimes": "false" } });
    expect(run.exitCode).toBe(0);
    expect(Number(run.outputs.findings)).toBeGreaterThan(0);
  });
});
