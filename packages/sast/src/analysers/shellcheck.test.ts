import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { FIXTURE, keys } from "../test-support/fixture.js";
import { shellcheck } from "./shellcheck.js";

const files = ["scripts/deploy.sh", "scripts/release"];

describe("shellcheck", () => {
  it("converts exactly what shellcheck reports natively, `# shellcheck disable=` honoured", async () => {
    const exe = shellcheck.locate(process.env)!;
    const out = await shellcheck.run({
      root: FIXTURE,
      files,
      executable: exe,
      timeoutMs: 60_000,
      env: process.env,
      tempDir: tmpdir(),
    });
    let text = "";
    try {
      text = execFileSync("shellcheck", ["-f", "gcc", ...files], { cwd: FIXTURE, encoding: "utf8" });
    } catch (e) {
      text = (e as { stdout: string }).stdout;
    }
    const native = text
      .split("\n")
      .map((l) => /^(.+?):(\d+):\d+: \w+: .* \[(SC\d+)\]$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => `${m[3]} ${m[1]}:${m[2]}`)
      .sort();
    expect(native.length).toBeGreaterThan(3);
    expect(keys(out.findings)).toEqual(native);
    expect(out.findings.some((f) => f.path === "scripts/deploy.sh" && f.line === 7)).toBe(false);
    expect(out.findings.find((f) => f.ruleId === "SC2045")).toMatchObject({
      severity: "medium",
      path: "scripts/release",
      line: 2,
      column: 10,
    });
  });
});
