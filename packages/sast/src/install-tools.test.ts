// Installing missing analysers, with a fake apt-get (and sudo) on PATH that records its calls: the real
// package manager is never run by the tests.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aptInstall } from "./install-tools.js";
import { scanSast } from "./scan-sast.js";
import { FIXTURE } from "./test-support/fixture.js";

/** A PATH holding only a fake apt-get (installing shellcheck links the real one in) and a fake sudo. */
function fakeApt(exitCode = 0): { env: NodeJS.ProcessEnv; log: string } {
  const dir = mkdtempSync(join(tmpdir(), "sast-fake-apt-"));
  const log = join(dir, "calls.txt");
  const write = (name: string, body: string) => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  write(
    "apt-get",
    [
      `echo "apt-get $*" >> "${log}"`,
      exitCode === 0
        ? `[ "$1" = install ] && /bin/ln -sf /usr/bin/shellcheck "${dir}/shellcheck"`
        : `echo "E: Unable to locate package" >&2; exit ${exitCode}`,
      "exit 0",
    ].join("\n"),
  );
  write("sudo", `echo "sudo $*" >> "${log}"\n[ "$1" = -n ] && shift\nexec "$@"`);
  return { env: { ...process.env, PATH: dir }, log };
}

describe("aptInstall", () => {
  it("uses sudo -n when not root, and nothing at all for no packages", async () => {
    const { env, log } = fakeApt();
    expect(await aptInstall([], env, 10_000, 1000)).toEqual({ installed: [] });
    expect(await aptInstall(["shellcheck"], env, 10_000, 1000)).toEqual({ installed: ["shellcheck"] });
    const calls = readFileSync(log, "utf8").trim().split("\n");
    expect(calls[0]).toMatch(/^sudo -n \S+\/apt-get install -y --no-install-recommends shellcheck$/);
    expect(calls[1]).toBe("apt-get install -y --no-install-recommends shellcheck");
  });

  it("refreshes the package lists once when the install fails, then reports why", async () => {
    const { env, log } = fakeApt(100);
    const outcome = await aptInstall(["shellcheck"], env, 10_000, 0);
    expect(outcome).toEqual({
      installed: [],
      failure: "apt-get install shellcheck exited with code 100: E: Unable to locate package",
    });
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "apt-get install -y --no-install-recommends shellcheck",
      "apt-get update",
      "apt-get install -y --no-install-recommends shellcheck",
    ]);
  });

  it("installs nothing without apt-get or without root and sudo", async () => {
    const empty = mkdtempSync(join(tmpdir(), "sast-no-apt-"));
    expect(await aptInstall(["bandit"], { PATH: empty }, 10_000, 0)).toEqual({
      installed: [],
      failure: "apt-get is not available",
    });
  });
});

describe("scanSast with installMissing", () => {
  it("installs a missing analyser, then runs it", async () => {
    const { env } = fakeApt();
    const result = await scanSast({ root: FIXTURE, tools: ["shellcheck"], env, installMissing: true });
    expect(result.problems.filter((p) => p.level === "error")).toEqual([]);
    expect(result.problems).toContainEqual({
      level: "notice",
      message: "Installed shellcheck with apt-get.",
    });
    expect(result.findings.filter((f) => f.tool === "shellcheck").length).toBeGreaterThan(0);
  });

  it("says why installing failed in the missing-tool error", async () => {
    const { env } = fakeApt(100);
    const result = await scanSast({ root: FIXTURE, tools: ["shellcheck"], env, installMissing: true });
    expect(result.problems).toContainEqual({
      level: "error",
      tool: "shellcheck",
      message:
        "shellcheck is not installed (not found on PATH), so 2 file(s) were not checked by it (installing failed: apt-get install shellcheck exited with code 100: E: Unable to locate package); install it with `sudo apt-get install -y shellcheck`",
    });
  });
});
