import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ActionRunner } from "./action-runner.js";
import { EnvFiles } from "./env-files.js";
import { annotationCommand, maskCommand, maskCommands, workflowCommand } from "./workflow-commands.js";

/** Parses GITHUB_OUTPUT / GITHUB_ENV the way the runner does: `name<<DELIM` blocks and `name=value` lines. */
function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      for (i++; lines[i] !== heredoc[2]; i++) {
        if (i >= lines.length) throw new Error(`unterminated ${heredoc[1]}`);
        value.push(lines[i]!);
      }
      out[heredoc[1]!] = value.join("\n");
    } else if (lines[i]!.includes("=")) {
      const eq = lines[i]!.indexOf("=");
      out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
    }
  }
  return out;
}

function runnerFiles() {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-env-"));
  const env = {
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_ENV: join(dir, "env"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
  };
  for (const file of Object.values(env)) writeFileSync(file, "");
  const read = (name: keyof typeof env) => readFileSync(env[name], "utf8");
  return { env, read };
}

describe("EnvFiles", () => {
  it("writes outputs and variables with a delimiter the runner can parse, whatever the value holds", () => {
    const { env, read } = runnerFiles();
    const files = new EnvFiles(env);
    files.setOutput("findings", "3");
    files.setOutput("multi", "a\nb<<EOF\nghadelimiter_x\n\nc");
    files.setOutput("empty", "");
    files.exportVariable("BULWARK_RESULT", "failed\nreally");
    expect(parseFileCommands(read("GITHUB_OUTPUT"))).toEqual({
      findings: "3",
      multi: "a\nb<<EOF\nghadelimiter_x\n\nc",
      empty: "",
    });
    expect(parseFileCommands(read("GITHUB_ENV"))).toEqual({ BULWARK_RESULT: "failed\nreally" });
  });

  it("appends to the step summary, ending each part with a newline", () => {
    const { env, read } = runnerFiles();
    const files = new EnvFiles(env);
    files.appendSummary("## One");
    files.appendSummary("two\n");
    expect(read("GITHUB_STEP_SUMMARY")).toBe("## One\ntwo\n");
  });

  it("says when the runner gave no file, refuses names that would break the file, names an unwritable file", () => {
    expect(new EnvFiles({}).setOutput("x", "1")).toBe(false);
    const { env } = runnerFiles();
    expect(() => new EnvFiles(env).setOutput("a\nb", "1")).toThrow("Invalid output or variable name");
    expect(() => new EnvFiles(env).setOutput("a<<b", "1")).toThrow("Invalid output or variable name");
    expect(() => new EnvFiles({ GITHUB_OUTPUT: "/nonexistent/dir/out" }).setOutput("a", "1")).toThrow(
      "Cannot write GITHUB_OUTPUT (/nonexistent/dir/out): ENOENT",
    );
  });
});

describe("workflow commands", () => {
  it("escapes annotation properties and messages as the runner expects", () => {
    expect(
      annotationCommand({
        level: "error",
        file: "a,b:c.txt",
        startLine: 3,
        endLine: 5,
        title: "100% bad: really, truly",
        message: "x\r\ny: 50%, z",
      }),
    ).toBe(
      "::error title=100%25 bad%3A really%2C truly,file=a%2Cb%3Ac.txt,line=3,endLine=5::x%0D%0Ay: 50%25, z",
    );
    expect(annotationCommand({ level: "notice", message: "plain" })).toBe("::notice::plain");
  });

  it("keeps columns only on single-line annotations", () => {
    expect(
      annotationCommand({
        level: "warning",
        message: "m",
        file: "f",
        startLine: 2,
        startColumn: 4,
        endColumn: 9,
      }),
    ).toBe("::warning file=f,line=2,col=4,endColumn=9::m");
    expect(
      annotationCommand({
        level: "warning",
        message: "m",
        file: "f",
        startLine: 2,
        endLine: 3,
        startColumn: 4,
      }),
    ).toBe("::warning file=f,line=2,endLine=3::m");
  });

  it("masks values, and every line of a multi-line secret", () => {
    expect(maskCommand("s3cr3t")).toBe("::add-mask::s3cr3t");
    expect(maskCommands("-----BEGIN KEY-----\nAAAA\n-----END KEY-----\n")).toEqual([
      "::add-mask::-----BEGIN KEY-----%0AAAAA%0A-----END KEY-----%0A",
      "::add-mask::-----BEGIN KEY-----",
      "::add-mask::AAAA",
      "::add-mask::-----END KEY-----",
    ]);
    expect(maskCommands("")).toEqual([]);
    expect(workflowCommand("group", {}, "Scan")).toBe("::group::Scan");
  });
});

describe("ActionRunner", () => {
  it("routes commands to stdout and files to the runner's files, and records failure", async () => {
    const { env, read } = runnerFiles();
    const lines: string[] = [];
    const codes: number[] = [];
    const runner = new ActionRunner(env, { write: (t) => lines.push(t), setExitCode: (c) => codes.push(c) });
    runner.mask("tok");
    await runner.group("Scan", async () => runner.notice("3 files", { title: "scan" }));
    runner.warning("old", { file: "SECURITY.md", startLine: 4 });
    runner.debug("details");
    runner.setOutput("failed", "true");
    expect(runner.exitCode).toBe(0);
    runner.setFailed("2 new findings at or above high");
    expect(runner.exitCode).toBe(1);
    expect(codes).toEqual([1]);
    expect(lines.join("")).toBe(
      [
        "::add-mask::tok",
        "::group::Scan",
        "::notice title=scan::3 files",
        "::endgroup::",
        "::warning file=SECURITY.md,line=4::old",
        "::debug::details",
        "::error::2 new findings at or above high",
        "",
      ].join("\n"),
    );
    expect(parseFileCommands(read("GITHUB_OUTPUT"))).toEqual({ failed: "true" });
  });
});
