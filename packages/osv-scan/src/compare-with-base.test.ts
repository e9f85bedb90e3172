import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateGate, formatJsonReport, toJsonReport } from "@bulwark/core";
import { OfflineSource } from "@bulwark/osv";
import { beforeAll, describe, expect, it } from "vitest";
import { OSV_DB_DIR } from "../../osv/src/test-support/shared-data.js";
import { scanDependencies } from "./scan-dependencies.js";
import { commit, gitIn, newRepo } from "./test-support/git-history.js";
import { REAL } from "./test-support/real-repo.js";

const NUSHELL = "cargo-lock/nushell__nushell__Cargo.lock";
const source = new OfflineSource({ base: OSV_DB_DIR });
const NOW = new Date("2026-11-23T00:00:00Z");

/** helix's lockfile with rkyv moved from 0.8.16 to 0.8.17, the release that fixes its three advisories. */
const bumpRkyv = (text: string) =>
  text.replace('name = "rkyv"\nversion = "0.8.16"', 'name = "rkyv"\nversion = "0.8.17"');

let repo: string;
let main: string;
let bump: string;
let addShell: string;
beforeAll(() => {
  repo = newRepo();
  main = commit(repo, "base", { "cli/Cargo.lock": REAL.helixCargo, "web/bom.json": REAL.juiceShopBom });
  gitIn(repo, "checkout", "-q", "-b", "pr");
  bump = commit(repo, "bump rkyv", { "cli/Cargo.lock": { edit: bumpRkyv } });
  addShell = commit(repo, "add the shell", { "shell/Cargo.lock": NUSHELL });
});

const ids = (findings: readonly { ruleId: string; package?: { name: string } }[], name: string) =>
  findings
    .filter((f) => f.package?.name === name)
    .map((f) => f.ruleId)
    .sort();

describe("new-only against the base read from git", () => {
  it("lets through what the base already had and lists what the change fixed", async () => {
    gitIn(repo, "checkout", "-q", bump);
    const result = await scanDependencies({ root: repo, source, base: "main" });
    expect(result.problems.filter((p) => p.level !== "notice")).toEqual([]);
    // lodash (high) in web/bom.json and smartstring are on main too: reported, not blocking.
    const gate = evaluateGate(result, { failOn: "high" }, NOW);
    expect(gate.failed).toBe(false);
    const lodash = gate.findings.filter((f) => f.package?.name === "lodash");
    expect(lodash.map((f) => [f.package?.version, f.status])).toEqual([
      ["4.17.19", "baseline"],
      ["2.4.2", "baseline"],
    ]);
    expect(lodash[0]!.statusReason).toBe(
      `already on the base (main at ${main.slice(0, 12)}); new-only gates on what this change introduces`,
    );
    // Without the comparison the same tree fails on lodash.
    expect(evaluateGate(await scanDependencies({ root: repo, source }), { failOn: "high" }, NOW).failed).toBe(
      true,
    );
    // rkyv 0.8.16 -> 0.8.17 fixed its three advisories: listed as fixed, with the version they had.
    expect(ids(result.findings, "rkyv")).toEqual([]);
    expect(ids(result.fixed ?? [], "rkyv")).toEqual([
      "RUSTSEC-2026-0233",
      "RUSTSEC-2026-0234",
      "RUSTSEC-2026-0235",
    ]);
    expect(ids(result.findings, "smartstring")).toEqual(["RUSTSEC-2026-0249"]);
    expect(
      result.fixed!.every((f) => f.package?.version === "0.8.16" && f.location?.path === "cli/Cargo.lock"),
    ).toBe(true);
    expect(result.stats).toMatchObject({ fixed: 3, "already-on-base": result.findings.length });
    expect(result.summaryMarkdown).toContain(
      `Compared with the base (main at ${main.slice(0, 12)}): 0 introduced`,
    );
    expect(result.summaryMarkdown).toContain("**Fixed by this change** (on the base, gone now): 3 findings");
    expect(result.commentMarkdown).toContain("Vulnerabilities: 3 fixed by this change.");
    expect(result.summaryMarkdown).toMatch(
      /\| rkyv \| 0\.8\.16 \| RUSTSEC-2026-0233[^|]*\| 0\.8\.17 \| cli\/Cargo\.lock:\d+ \|/,
    );
    const json = JSON.parse(formatJsonReport([toJsonReport(result, gate)]));
    expect(json.fixed.map((f: { package: { name: string } }) => f.package.name)).toEqual([
      "rkyv",
      "rkyv",
      "rkyv",
    ]);
  });

  it("fails on the vulnerable versions a change brings in, and only on those", async () => {
    gitIn(repo, "checkout", "-q", addShell);
    const result = await scanDependencies({ root: repo, source, base: main });
    const gate = evaluateGate(result, { failOn: "high" }, NOW);
    expect(gate.failed).toBe(true);
    const blocking = gate.findings.filter((f) => f.blocking);
    expect(
      blocking.map((f) => [f.package?.name, f.package?.version, f.ruleId, f.properties?.fixedVersion]),
    ).toEqual([
      ["quick-xml", "0.39.4", "RUSTSEC-2026-0194", "0.41.0"],
      ["quick-xml", "0.39.4", "RUSTSEC-2026-0195", "0.41.0"],
    ]);
    expect(blocking.every((f) => f.location?.path === "shell/Cargo.lock")).toBe(true);
    const statuses = new Set(
      gate.findings.filter((f) => f.location?.path !== "shell/Cargo.lock").map((f) => f.status),
    );
    expect(statuses).toEqual(new Set(["baseline"]));
    expect(
      gate.findings.filter((f) => f.location?.path === "shell/Cargo.lock").every((f) => f.status === "new"),
    ).toBe(true);
    expect(gate.reasons[0]).toBe("2 new findings at or above high (2 high)");
  });

  it("never lists as fixed what the head could not check (a lockfile it broke)", async () => {
    gitIn(repo, "checkout", "-q", "-b", "broken", main);
    commit(repo, "break the lockfile", { "cli/Cargo.lock": { text: "[[package]\n" } });
    const result = await scanDependencies({ root: repo, source, base: "main" });
    expect(result.fixed).toEqual([]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ level: "error", path: "cli/Cargo.lock" }),
    );
    expect(evaluateGate(result, { failOn: "high" }, NOW).failed).toBe(true);
    gitIn(repo, "checkout", "-q", "pr");
  });

  it("fetches the base into a shallow clone, and counts everything as new when it cannot", async () => {
    const clone = join(mkdtempSync(join(tmpdir(), "bulwark-osv-clone-")), "c");
    execFileSync("git", ["clone", "-q", "--depth=1", "--branch", "pr", `file://${repo}`, clone]);
    expect(() => gitIn(clone, "cat-file", "-e", `${main}^{commit}`)).toThrow();
    const fetched = await scanDependencies({ root: clone, source, base: main });
    expect(fetched.fixed).toHaveLength(3);
    expect(fetched.problems.filter((p) => p.level !== "notice")).toEqual([]);

    const lonely = join(mkdtempSync(join(tmpdir(), "bulwark-osv-clone-")), "c");
    execFileSync("git", ["clone", "-q", "--depth=1", "--branch", "pr", `file://${repo}`, lonely]);
    gitIn(lonely, "remote", "remove", "origin");
    const result = await scanDependencies({ root: lonely, source, base: main });
    expect(result.preexisting).toBeUndefined();
    expect(result.problems).toContainEqual({
      level: "warning",
      message: expect.stringMatching(
        new RegExp(
          `^new-only: cannot read the base ${main} \\(${main} is not a commit in this clone and there is no remote to fetch it from; .*\\), so every finding counts as new$`,
        ),
      ),
    });
    expect(evaluateGate(result, { failOn: "high" }, NOW).failed).toBe(true);
  });
});
