// The five real policies in ../shared/seeds, each in a real git repository with releases around it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSupportedVersions } from "./check-supported-versions.js";
import { EndOfLifeServer } from "./test-support/endoflife-server.js";
import { GitRepo } from "./test-support/git-repo.js";

const seeds = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));
const seed = (n: number) => readFileSync(`${seeds}security-policy-${n}.md`, "utf8");
const NOW = new Date("2026-11-22T00:00:00Z");

let eol: EndOfLifeServer;
beforeAll(async () => {
  eol = await new EndOfLifeServer(NOW).start();
});
afterAll(() => eol.stop());

async function scan(repo: GitRepo) {
  const result = await checkSupportedVersions({ root: repo.dir, now: NOW, endOfLifeUrl: eol.url });
  return {
    result,
    findings: result.findings.map((f) => [
      f.ruleId.replace("supported-versions/", ""),
      f.severity,
      f.location?.path,
      f.location?.startLine,
    ]),
  };
}

describe("seed policies against real repositories", () => {
  it("1: no table and only a promise of contact details", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": seed(1) }).tags("v0.1.0");
    const { findings, result } = await scan(repo);
    expect(findings).toEqual([
      ["no-supported-versions-table", "medium", "SECURITY.md", 1],
      ["no-reporting-channel", "medium", "SECURITY.md", 1],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.outputs).toMatchObject({ "latest-release": "0.1.0", "supported-lines": "0.1.x" });
  });

  it("2: 1.0.x only, while 1.1.0 is out; a placeholder address", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": seed(2) }).tags("v0.9.0", "v1.0.0", "v1.0.4", "v1.1.0");
    const { findings, result } = await scan(repo);
    expect(findings).toEqual([
      ["no-reporting-channel", "medium", "SECURITY.md", 23],
      ["latest-release-not-covered", "high", "SECURITY.md", 7],
    ]);
    expect(result.findings[0]!.title).toContain("security@example.com");
    expect(result.findings[1]!.title).toBe("The latest release 1.1.0 is not covered by any supported row");
    expect(result.summaryMarkdown).toContain(
      [
        "| Version | Supported | Latest release |",
        "| ------- | --------- | -------------- |",
        "| 1.x | :white_check_mark: | 1.1.0 |",
        "| 0.9.x | :x: | 0.9.0 |",
      ].join("\n"),
    );
  });

  it("3: 1.0.x only, while 2.0.0 is out", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": seed(3) }).tags("v0.5.0", "v1.0.0", "v1.0.2", "v2.0.0");
    const { findings, result } = await scan(repo);
    expect(findings).toEqual([
      ["no-reporting-channel", "medium", "SECURITY.md", 1],
      ["latest-release-not-covered", "high", "SECURITY.md", 7],
      ["stale-table", "medium", "SECURITY.md", 7],
    ]);
    expect(result.summaryMarkdown).toContain(
      "| 2.x | :white_check_mark: | 2.0.0 |\n| 1.x | :white_check_mark: | 1.0.2 |\n| 0.5.x | :x: | 0.5.0 |",
    );
  });

  it("4: 0.1.x only, while 0.2.0 is out and Cargo.toml builds 0.2.1", async () => {
    const repo = new GitRepo()
      .write({
        "SECURITY.md": seed(4),
        "Cargo.toml": '[package]\nname = "dai-os"\nversion = "0.2.1"\nedition = "2021"\n',
      })
      .tags("v0.1.0", "v0.1.3", "v0.2.0");
    const { findings, result } = await scan(repo);
    expect(findings).toEqual([
      ["latest-release-not-covered", "high", "SECURITY.md", 7],
      ["stale-table", "medium", "SECURITY.md", 7],
      ["built-version-unsupported", "high", "Cargo.toml", 3],
    ]);
    expect(result.findings[1]!.title).toBe("The table stops at 0.1.x but 0.2.0 has been released");
  });

  it("5: 2.x.x covers the latest; a placeholder address; Python 3.8 is past end of life", async () => {
    const repo = new GitRepo()
      .write({
        "SECURITY.md": seed(5),
        "pyproject.toml": '[project]\nname = "mcp"\nversion = "2.3.1"\nrequires-python = ">=3.8"\n',
      })
      .tags("v1.5.0", "v2.0.0", "v2.3.1");
    const { findings, result } = await scan(repo);
    expect(findings).toEqual([
      ["no-reporting-channel", "medium", "SECURITY.md", 16],
      ["runtime-end-of-life", "medium", "pyproject.toml", 4],
    ]);
    expect(result.findings[1]!.title).toBe("Python 3.8 is end of life since 2024-10-07");
    expect(result.summaryMarkdown).toContain("| 2.x | :white_check_mark: | 2.3.1 |\n| 1.x | :x: | 1.5.0 |");
    expect(result.problems).toEqual([]);
  });
});
