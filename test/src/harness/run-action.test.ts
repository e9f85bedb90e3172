// The harness itself, proven on a throwaway action written to a temp dir at test time: it echoes what
// the runner gave it back through the runner's own channels.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { annotationCommand, fileCommand } from "@bulwark/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubServer } from "./github-server.js";
import { inputVariable, parseCommands, parseEnvFile, runAction } from "./run-action.js";

const ACTION_YML = `name: echo
description: echoes its inputs
inputs:
  fail-on:
    description: threshold
    default: high
  token:
    description: GitHub token
    default: \${{ github.token }}
  pr:
    description: pull request number
    default: \${{ github.event.pull_request.number }}
  report only:
    description: an input name with a space
    default: false
  extra:
    description: no default
runs:
  using: node24
  main: dist/index.js
`;

// CommonJS on purpose: a bundle is a single self-contained file, and this is one too.
const SCRIPT = String.raw`const fs = require("fs");
const out = (k, v) => fs.appendFileSync(process.env.GITHUB_OUTPUT, k + "<<EOF_X\n" + v + "\nEOF_X\n");
for (const name of ["INPUT_FAIL-ON", "INPUT_TOKEN", "INPUT_PR", "INPUT_REPORT_ONLY", "INPUT_EXTRA"])
  out(name.slice(6).toLowerCase(), process.env[name] ?? "<unset>");
out("event", fs.readFileSync(process.env.GITHUB_EVENT_PATH, "utf8"));
out("node", process.version);
out("cwd", process.cwd());
fs.writeFileSync(process.env.RUNNER_TEMP + "/scratch.txt", "x");
fs.appendFileSync(process.env.GITHUB_ENV, "ECHO_DONE=yes\n");
fs.appendFileSync(process.env.GITHUB_PATH, "/opt/echo/bin\n");
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, "## hello\n");
console.log("::add-mask::" + (process.env.INPUT_TOKEN || "nothing"));
console.log("::warning file=a%2Cb.txt,line=3,endLine=4,title=50%25 done%3A ok::careful%0Anow");
async function main() {
  if (process.env.INPUT_TOKEN) {
    const r = await fetch(process.env.GITHUB_API_URL + "/repos/" + process.env.GITHUB_REPOSITORY + "/releases", {
      headers: { authorization: "Bearer " + process.env.INPUT_TOKEN, "x-github-api-version": "2022-11-28" },
    });
    out("releases", r.status + " " + (await r.json()).map((x) => x.tag_name).join(","));
  }
  if (process.env.INPUT_EXTRA === "fail") {
    console.log("::error title=echo::asked to fail");
    process.exitCode = 1;
  }
}
main();
`;

function echoAction(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-echo-"));
  mkdirSync(join(dir, "dist"));
  writeFileSync(join(dir, "action.yml"), ACTION_YML);
  writeFileSync(join(dir, "dist", "index.js"), SCRIPT);
  return dir;
}

let github: GitHubServer;
beforeEach(async () => {
  github = await new GitHubServer({ readTokens: ["ghs_job"], releases: [{ tag_name: "v2.0.0" }] }).start();
});
afterEach(() => github.stop());

describe("runAction", () => {
  it("passes inputs and evaluated defaults as the runner does, and reads everything back", async () => {
    const workspace = realpathSync(mkdtempSync(join(tmpdir(), "ws-")));
    const run = await runAction(echoAction(), {
      workspace,
      inputs: { extra: "multi\nline" },
      eventName: "pull_request",
      event: { pull_request: { number: 3 } },
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      "fail-on": "high",
      token: "",
      pr: "3",
      report_only: "false",
      extra: "multi\nline",
      cwd: workspace,
    });
    expect(JSON.parse(run.outputs.event!)).toEqual({ pull_request: { number: 3 } });
    expect(run.summary).toBe("## hello\n");
    expect(run.env).toEqual({ ECHO_DONE: "yes" });
    expect(run.addedPath).toEqual(["/opt/echo/bin"]);
    expect(run.processEnv).toMatchObject({ GITHUB_EVENT_NAME: "pull_request", "INPUT_FAIL-ON": "high" });
    expect(run.annotations).toEqual([
      {
        level: "warning",
        file: "a,b.txt",
        line: 3,
        endLine: 4,
        title: "50% done: ok",
        message: "careful\nnow",
      },
    ]);
    expect(run.commands[0]).toEqual({ command: "add-mask", properties: {}, message: "nothing" });
    if (process.env.E2E_NODE) expect(run.outputs.node).toMatch(/^v24\./);
    else expect(run.outputs.node).toBe(process.version);
  });

  it("gives the job token to ${{ github.token }} defaults, and the action reaches the local GitHub server", async () => {
    const run = await runAction(echoAction(), {
      workspace: mkdtempSync(join(tmpdir(), "ws-")),
      githubToken: "ghs_job",
      env: { GITHUB_API_URL: github.url },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.token).toBe("ghs_job");
    expect(run.outputs.releases).toBe("200 v2.0.0");
    expect(github.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /repos/octo/app/releases 200",
    ]);
    expect(run.commands[0]).toEqual({ command: "add-mask", properties: {}, message: "ghs_job" });
  });

  it("reports the exit code, and refuses undeclared inputs and missing bundles", async () => {
    const dir = echoAction();
    const ws = mkdtempSync(join(tmpdir(), "ws-"));
    const failed = await runAction(dir, { workspace: ws, inputs: { extra: "fail" } });
    expect(failed.exitCode).toBe(1);
    expect(failed.annotations).toContainEqual({ level: "error", title: "echo", message: "asked to fail" });
    await expect(runAction(dir, { workspace: ws, inputs: { nope: "1" } })).rejects.toThrow(
      'input "nope" is not declared',
    );
    const empty = mkdtempSync(join(tmpdir(), "bulwark-empty-"));
    writeFileSync(join(empty, "action.yml"), "name: x\nruns:\n  using: node24\n  main: dist/index.js\n");
    await expect(runAction(empty, { workspace: ws })).rejects.toThrow("build the bundle first");
    writeFileSync(join(empty, "action.yml"), "name: x\nruns:\n  using: docker\n  image: Dockerfile\n");
    await expect(runAction(empty, { workspace: ws })).rejects.toThrow("is not a node action");
  });

  it("runs pre, main and post in order, handing GITHUB_STATE to post as STATE_*", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-prepost-"));
    mkdirSync(join(dir, "dist"));
    writeFileSync(
      join(dir, "action.yml"),
      "name: p\nruns:\n  using: node24\n  pre: dist/pre.js\n  main: dist/main.js\n  post: dist/post.js\n",
    );
    const save = (k: string, v: string) =>
      `require("fs").appendFileSync(process.env.GITHUB_STATE, "${k}<<S\\n${v}\\nS\\n");`;
    writeFileSync(join(dir, "dist", "pre.js"), `console.log("pre"); ${save("started", "1")}`);
    writeFileSync(join(dir, "dist", "main.js"), `console.log("main"); ${save("cache", "a\\nb")}`);
    writeFileSync(
      join(dir, "dist", "post.js"),
      'console.log("post " + JSON.stringify([process.env.STATE_started, process.env.STATE_cache])); process.exitCode = 3;',
    );
    const run = await runAction(dir, { workspace: mkdtempSync(join(tmpdir(), "ws-")) });
    expect(run.stdout).toBe('pre\nmain\npost ["1","a\\nb"]\n');
    expect([run.pre?.exitCode, run.main?.exitCode, run.post?.exitCode, run.exitCode]).toEqual([0, 0, 3, 3]);
  });

  it("refuses defaults with expressions it cannot evaluate rather than guessing", async () => {
    const dir = echoAction();
    writeFileSync(
      join(dir, "action.yml"),
      ACTION_YML.replace("default: high", "default: ${{ github.event_name == 'push' && 'high' || 'low' }}"),
    );
    await expect(runAction(dir, { workspace: mkdtempSync(join(tmpdir(), "ws-")) })).rejects.toThrow(
      'input "fail-on": the harness evaluates only context lookups',
    );
  });
});

describe("runner protocol parsing", () => {
  it("names INPUT_ variables as the runner does", () => {
    expect(inputVariable("fail-on")).toBe("INPUT_FAIL-ON");
    expect(inputVariable("report only")).toBe("INPUT_REPORT_ONLY");
  });

  it("reads back exactly what core's writers produce", () => {
    const tricky = "100%, done: yes\r\nnext";
    const line = annotationCommand({
      level: "error",
      file: "dir/a,b:c.ts",
      startLine: 1,
      title: tricky,
      message: tricky,
    });
    expect(parseCommands(`noise\n${line}\n`)).toEqual([
      { command: "error", properties: { title: tricky, file: "dir/a,b:c.ts", line: "1" }, message: tricky },
    ]);
    const file = fileCommand("findings", "a\nEOF\nb") + fileCommand("empty", "") + "plain=x=y\n";
    expect(parseEnvFile(file)).toEqual({ findings: "a\nEOF\nb", empty: "", plain: "x=y" });
  });

  it("fails like the runner on a malformed GITHUB_OUTPUT", () => {
    expect(() => parseEnvFile("a<<EOF\nvalue\n", "GITHUB_OUTPUT")).toThrow(
      "GITHUB_OUTPUT:1: a has no closing delimiter EOF",
    );
    expect(() => parseEnvFile("just text\n", "GITHUB_OUTPUT")).toThrow("GITHUB_OUTPUT:1: neither");
  });
});
