import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { FIXTURE } from "../test-support/fixture.js";
import { flawfinder, flawfinderSeverity } from "./flawfinder.js";

describe("flawfinder", () => {
  it("converts exactly what flawfinder reports natively, `Flawfinder: ignore` honoured", async () => {
    const exe = flawfinder.locate(process.env)!;
    const out = await flawfinder.run({
      root: FIXTURE,
      files: ["native/copy.c"],
      executable: exe,
      timeoutMs: 60_000,
      env: process.env,
      tempDir: tmpdir(),
    });
    // Native: the plain text report, "file:line:  [level] (category) name:".
    const text = execFileSync("flawfinder", ["--dataonly", "native/copy.c"], {
      cwd: FIXTURE,
      encoding: "utf8",
    });
    const native = text
      .split("\n")
      .map((l) => /^(\S+):(\d+):\s+\[(\d)\] \((\w+)\) (\w+):/.exec(l))
      .filter((m) => m !== null)
      .map((m) => `${m[4]}/${m[5]} ${m[1]}:${m[2]} ${flawfinderSeverity(Number(m[3]) / 5)}`)
      .sort();
    const ours = out.findings.map((f) => `${f.properties?.rule} ${f.path}:${f.line} ${f.severity}`).sort();
    expect(native.length).toBe(6);
    expect(ours).toEqual(native);
    expect(out.findings.some((f) => f.line === 19)).toBe(false);
    expect(out.findings.find((f) => f.properties?.rule === "buffer/strcpy")?.cwes).toEqual(["CWE-120"]);
  });
});
