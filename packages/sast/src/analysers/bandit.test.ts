import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { FIXTURE, keys } from "../test-support/fixture.js";
import { bandit } from "./bandit.js";

describe("bandit", () => {
  it("converts exactly what bandit reports natively, `# nosec` lines excluded", async () => {
    const exe = bandit.locate(process.env)!;
    expect(exe).toBeDefined();
    const out = await bandit.run({
      root: FIXTURE,
      files: ["app/server.py"],
      executable: exe,
      timeoutMs: 60_000,
      env: process.env,
      tempDir: tmpdir(),
    });
    // Native: bandit's own screen format, read line by line.
    let text = "";
    try {
      text = execFileSync(
        "bandit",
        ["-f", "custom", "--msg-template", "{test_id} {relpath}:{line}", "-q", "app/server.py"],
        { cwd: FIXTURE, encoding: "utf8" },
      );
    } catch (e) {
      text = (e as { stdout: string }).stdout;
    }
    const native = text
      .split("\n")
      .filter((l) => /^B\d+ /.test(l))
      .sort();
    expect(native.length).toBeGreaterThanOrEqual(5);
    expect(keys(out.findings)).toEqual(native);
    expect(out.findings.some((f) => f.line === 19)).toBe(false); // # nosec
    expect(out.findings.find((f) => f.ruleId === "B602")).toMatchObject({
      severity: "high",
      path: "app/server.py",
      line: 7,
    });
    expect(out.problems).toEqual([]);
    expect(await bandit.version(exe, process.env, 20_000)).toMatch(/^\d+\.\d+/);
  });
});
