// The harness itself, proven on a throwaway action written at test time.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runAction } from "./run-action.js";

function echoAction(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-echo-"));
  mkdirSync(join(dir, "dist"));
  writeFileSync(
    join(dir, "action.yml"),
    "name: echo\ninputs:\n  fail-on:\n    description: x\n    default: high\n  token:\n    description: t\n    default: ${{ github.token }}\n  extra:\n    description: e\nruns:\n  using: node24\n  main: dist/index.js\n",
  );
  writeFileSync(
    join(dir, "dist", "index.js"),
    `const fs = require("fs");
const out = (k, v) => fs.appendFileSync(process.env.GITHUB_OUTPUT, k + "<<EOF_X\\n" + v + "\\nEOF_X\\n");
out("fail-on", process.env["INPUT_FAIL-ON"]);
out("token", process.env["INPUT_TOKEN"]);
out("extra", process.env["INPUT_EXTRA"]);
out("event", fs.readFileSync(process.env.GITHUB_EVENT_PATH, "utf8"));
out("node", process.version);
fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, "## hello\\n");
console.log("::warning file=a%2Cb.txt,line=3::careful%0Anow");
process.exitCode = process.env["INPUT_EXTRA"] === "fail" ? 1 : 0;
`,
  );
  return dir;
}

describe("runAction", () => {
  it("passes inputs and defaults as the runner does, and reads outputs, summary and commands back", async () => {
    const run = await runAction(echoAction(), {
      workspace: mkdtempSync(join(tmpdir(), "ws-")),
      inputs: { extra: "multi\nline" },
      eventName: "pull_request",
      event: { pull_request: { number: 3 } },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs["fail-on"]).toBe("high");
    expect(run.outputs.token).toBe("");
    expect(run.outputs.extra).toBe("multi\nline");
    expect(JSON.parse(run.outputs.event!)).toEqual({ pull_request: { number: 3 } });
    expect(run.summary).toBe("## hello\n");
    expect(run.commands).toEqual([
      { command: "warning", properties: { file: "a,b.txt", line: "3" }, message: "careful\nnow" },
    ]);
    if (process.env.E2E_NODE) expect(run.outputs.node).toMatch(/^v24\./);
  });

  it("reports the exit code and refuses undeclared inputs", async () => {
    const dir = echoAction();
    const ws = mkdtempSync(join(tmpdir(), "ws-"));
    expect((await runAction(dir, { workspace: ws, inputs: { extra: "fail" } })).exitCode).toBe(1);
    await expect(runAction(dir, { workspace: ws, inputs: { nope: "1" } })).rejects.toThrow(
      'input "nope" is not declared',
    );
  });
});
