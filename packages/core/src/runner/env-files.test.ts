import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EnvFiles } from "./env-files.js";
import { annotationCommand, maskCommand } from "./workflow-commands.js";

/** Parses GITHUB_OUTPUT the way the runner does. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join("\n");
  }
  return out;
}

describe("EnvFiles", () => {
  it("writes multi-line outputs with a delimiter the runner can parse", () => {
    const dir = mkdtempSync(join(tmpdir(), "bulwark-env-"));
    const output = join(dir, "output");
    writeFileSync(output, "");
    const files = new EnvFiles({ GITHUB_OUTPUT: output });
    files.setOutput("findings", "3");
    files.setOutput("multi", "a\nb<<EOF\nc");
    expect(parseOutputs(readFileSync(output, "utf8"))).toEqual({ findings: "3", multi: "a\nb<<EOF\nc" });
  });

  it("says when the runner gave no file", () => {
    expect(new EnvFiles({}).setOutput("x", "1")).toBe(false);
  });
});

describe("workflow commands", () => {
  it("escapes annotation properties and messages", () => {
    expect(
      annotationCommand({
        level: "error",
        file: "a,b:c.txt",
        startLine: 3,
        title: "100% bad",
        message: "x\ny",
      }),
    ).toBe("::error title=100%25 bad,file=a%2Cb%3Ac.txt,line=3::x%0Ay");
    expect(maskCommand("s3cr3t")).toBe("::add-mask::s3cr3t");
  });
});
