import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSupportedVersions, type SupportedVersionsOptions } from "./check-supported-versions.js";
import { EndOfLifeServer, unreachableUrl } from "./test-support/endoflife-server.js";
import { GitRepo, policy } from "./test-support/git-repo.js";

const NOW = new Date("2026-11-22T00:00:00Z");
let eol: EndOfLifeServer;
beforeAll(async () => {
  eol = await new EndOfLifeServer(NOW).start();
});
afterAll(() => eol.stop());

async function scan(repo: GitRepo, options: Partial<SupportedVersionsOptions> = {}) {
  return checkSupportedVersions({ root: repo.dir, now: NOW, endOfLifeUrl: eol.url, ...options });
}
const rules = (result: Awaited<ReturnType<typeof scan>>) =>
  result.findings.map((f) => f.ruleId.replace("supported-versions/", "")).sort();

describe("checkSupportedVersions on real git repositories", () => {
  it("passes a policy that covers the latest release", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| 2.x | ✅ |", "| < 2.0 | ❌ |"]) })
      .tags("v1.0.0", "v1.4.2", "v2.0.0", "v2.1.0");
    const result = await scan(repo);
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.stats).toMatchObject({ releases: 4, tableRows: 2 });
    expect(result.summaryMarkdown).toContain("| 2.x | :white_check_mark: | 2.1.0 |");
    expect(result.summaryMarkdown).toContain("| 1.x | :x: | 1.4.2 |");
  });

  it("flags a missing policy", async () => {
    const repo = new GitRepo().tags("v1.0.0");
    expect(rules(await scan(repo))).toEqual(["no-policy"]);
  });

  it("flags a policy without a table or a way to report", async () => {
    const repo = new GitRepo().write({ ".github/SECURITY.md": "# Security\n\nBe nice.\n" }).commit();
    const result = await scan(repo);
    expect(rules(result)).toEqual(["no-reporting-channel", "no-supported-versions-table"]);
    expect(result.findings[0]!.location?.path).toBe(".github/SECURITY.md");
  });

  it("flags a latest release no row covers, and a stale table, at the table's line", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| 1.x | ✅ |", "| < 1.0 | ❌ |"]) })
      .tags("v0.9.0", "v1.2.0", "v2.0.0");
    const result = await scan(repo);
    expect(rules(result)).toEqual(["latest-release-not-covered", "stale-table"]);
    const latest = result.findings.find((f) => f.ruleId.endsWith("latest-release-not-covered"))!;
    expect(latest.location).toEqual({ path: "SECURITY.md", startLine: 5 });
    expect(latest.title).toContain("2.0.0");
    expect(latest.severity).toBe("high");
  });

  it("flags a row marked unsupported that covers the latest release", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| 1.0.x | ✅ |", "| >= 1.1 | ❌ |"]) })
      .tags("v1.0.3", "v1.1.0");
    const result = await scan(repo);
    expect(rules(result)).toEqual(["latest-release-unsupported"]);
    expect(result.findings[0]!.location).toEqual({ path: "SECURITY.md", startLine: 8 });
  });

  it("flags contradicting rows and supported rows that match no release", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| 3.x | ✅ |", "| 2.x | ✅ |", "| 2.1.x | ❌ |", "| 9.x | ✅ |"]) })
      .tags("v2.0.0", "v2.1.0", "v3.0.0");
    expect(rules(await scan(repo))).toEqual(["contradicting-rows", "supported-row-without-release"]);
  });

  it("reads monorepo tags and a custom tag pattern", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| 4.x | ✅ |"]) })
      .tags("web@4.0.0", "api/v9.0.0", "cli-v4.1.0");
    // Default pattern: every tag is a release, so api 9.0.0 is the latest and uncovered.
    expect(rules(await scan(repo))).toContain("latest-release-not-covered");
    // Only the web package's tags.
    const web = await scan(repo, { tagPattern: "web@*" });
    expect(web.findings).toEqual([]);
    expect(web.stats?.releases).toBe(1);
  });

  it("reads annotated tags and ignores prereleases for latest", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": policy(["| 1.x | ✅ |"]) }).commit();
    repo.tag("v1.0.0", "first release").commit().tag("v2.0.0-rc.1", "release candidate");
    expect((await scan(repo)).findings).toEqual([]);
  });

  it("flags the version being built when the policy does not support it", async () => {
    const repo = new GitRepo()
      .write({
        "SECURITY.md": policy(["| 1.x | ✅ |", "| 2.x | ❌ |"]),
        "package.json": JSON.stringify({ name: "x", version: "2.0.0-dev" }, null, 2),
      })
      .tags("v1.0.0");
    const result = await scan(repo, { checkRuntimes: false });
    expect(rules(result)).toEqual(["built-version-unsupported"]);
    expect(result.findings[0]!.location).toEqual({ path: "package.json", startLine: 3 });
  });

  it("takes GitHub releases into account", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": policy(["| 1.x | ✅ |"]) }).tags("v1.0.0");
    const result = await scan(repo, {
      listReleases: () =>
        Promise.resolve([
          { tagName: "v2.0.0", draft: false, prerelease: false },
          { tagName: "v3.0.0", draft: true, prerelease: false },
        ]),
    });
    expect(rules(result)).toEqual(["latest-release-not-covered", "stale-table"]);
    expect(result.findings[0]!.title).toContain("2.0.0");
  });

  it("checks declared runtimes against end-of-life data", async () => {
    const repo = new GitRepo()
      .write({
        "SECURITY.md": policy(["| 1.x | ✅ |"]),
        "package.json": JSON.stringify({ name: "x", version: "1.0.0", engines: { node: ">=16" } }, null, 2),
        ".python-version": "3.12.1\n",
        ".github/workflows/ci.yml":
          "jobs:\n  t:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.8'\n      - uses: actions/setup-node@v4\n        with:\n          node-version: [20, 22]\n",
      })
      .tags("v1.0.0");
    const result = await scan(repo, { endOfLifeCacheDir: mkdtempSync(join(tmpdir(), "eol-cache-")) });
    const eolFindings = result.findings.filter((f) => f.ruleId.includes("runtime"));
    expect(eolFindings.map((f) => [f.title, f.severity, f.location?.path, f.location?.startLine])).toEqual([
      ["Node.js 16 is end of life since 2023-09-11", "medium", "package.json", 5],
      ["Node.js 20 is end of life since 2026-04-30", "high", ".github/workflows/ci.yml", 9],
      ["Python 3.8 is end of life since 2024-10-07", "high", ".github/workflows/ci.yml", 6],
    ]);
    expect(eolFindings[0]!.message).toBe(
      "package.json allows Node.js >=16; its oldest cycle, 16, no longer receives security fixes.",
    );
    expect(result.problems).toEqual([]);
  });

  it("says clearly when end-of-life data cannot be reached, and uses the cache when it can", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| 1.x | ✅ |"]), ".nvmrc": "v18.20.0\n" })
      .tags("v1.0.0");
    const cache = mkdtempSync(join(tmpdir(), "eol-cache-"));
    const url = await unreachableUrl();
    const down = await scan(repo, { endOfLifeUrl: url, endOfLifeCacheDir: cache });
    expect(down.problems).toHaveLength(1);
    expect(down.problems[0]!.message).toContain(
      `Node.js end-of-life was not checked: cannot reach ${url}/api/v1/products/nodejs (ECONNREFUSED)`,
    );
    expect(down.problems[0]!.message).toContain("v18.20.0 (.nvmrc)");

    const before = eol.requests.length;
    const up = await scan(repo, { endOfLifeCacheDir: cache });
    expect(up.findings.map((f) => f.title)).toEqual(["Node.js 18 is end of life since 2025-04-30"]);
    await scan(repo, { endOfLifeCacheDir: cache });
    expect(eol.requests.length - before).toBe(1);
  });

  it("reads a monorepo's tags through a regex and counts prereleases only when asked", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| 2.x | ✅ |", "| < 2.0 | ❌ |"]) })
      .tags("server-v1.9.0", "server-v2.1.0", "client-v7.0.0", "server-v3.0.0-beta.1");
    const options = { tagPattern: "^server-v(?<version>.+)$", checkRuntimes: false };
    const final = await scan(repo, options);
    expect(final.findings).toEqual([]);
    expect(final.outputs?.["latest-release"]).toBe("2.1.0");
    const pre = await scan(repo, { ...options, includePrereleases: true });
    expect(rules(pre)).toEqual(["latest-release-not-covered", "stale-table"]);
    expect(pre.findings[0]!.title).toContain("3.0.0-beta.1");
  });

  it("flags overlapping supported and unsupported ranges even with no release in the overlap", async () => {
    const repo = new GitRepo()
      .write({ "SECURITY.md": policy(["| >= 1.4 | ✅ |", "| 1.x | ❌ |"]) })
      .tags("v1.0.0", "v2.0.0");
    const result = await scan(repo, { checkRuntimes: false });
    expect(rules(result)).toEqual(["contradicting-rows"]);
    expect(result.findings[0]!.message).toBe(
      '">= 1.4" (supported) and "1.x" (unsupported) cover some of the same versions.',
    );
    expect(result.findings[0]!.location).toEqual({ path: "SECURITY.md", startLine: 8 });
  });

  it("reads a bullet-list policy and accepts private vulnerability reporting as the channel", async () => {
    const repo = new GitRepo()
      .write({
        "docs/SECURITY.md": [
          "# Security",
          "",
          "## Supported versions",
          "",
          "- 3.x: supported",
          "- 2.x: end of life",
          "",
          "Report through https://github.com/acme/app/security/advisories/new",
        ].join("\n"),
      })
      .tags("v2.5.0", "v3.1.0");
    const result = await scan(repo, { checkRuntimes: false });
    expect(result.findings).toEqual([]);
    expect(result.outputs).toEqual({
      "policy-path": "docs/SECURITY.md",
      "latest-release": "3.1.0",
      "supported-lines": "3.x",
    });
  });

  it("says when there are no releases to compare the table with", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": policy(["| 1.x | ✅ |"]) }).commit();
    const result = await scan(repo, { checkRuntimes: false });
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([
      {
        level: "notice",
        message:
          "No release found (no tag matches v1.2.3, 1.2.3, name@1.2.3, name/v1.2.3 or name-v1.2.3): the Supported Versions table was not compared with releases.",
      },
    ]);
    expect(result.summaryMarkdown).toContain("No final release was found");
  });

  it("reports an unusable tag pattern and a directory that is not a repository as errors", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": policy(["| 1.x | ✅ |"]) }).tags("v1.0.0");
    const bad = await scan(repo, { tagPattern: "mypkg", checkRuntimes: false });
    expect(bad.problems).toMatchObject([{ level: "error", message: expect.stringContaining("tag-pattern") }]);
    const plain = mkdtempSync(join(tmpdir(), "bulwark-plain-"));
    const notGit = await checkSupportedVersions({ root: plain, checkRuntimes: false });
    expect(rules(notGit)).toEqual(["no-policy"]);
    expect(notGit.problems).toMatchObject([
      { level: "error", message: expect.stringContaining("Cannot list git tags") },
    ]);
  });

  it("reports a failing hosted-release listing instead of passing", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": policy(["| 1.x | ✅ |"]) }).tags("v1.0.0");
    const result = await scan(repo, {
      checkRuntimes: false,
      listReleases: () => Promise.reject(new Error("HTTP 403 rate limited")),
    });
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([
      { level: "error", message: "Hosted releases not listed: HTTP 403 rate limited" },
    ]);
  });

  it("reads end-of-support dates against the clock and flags a supported row whose date passed", async () => {
    const repo = new GitRepo()
      .write({
        "SECURITY.md": [
          "# Security",
          "",
          "## Supported Versions",
          "",
          "| Version | Supported until |",
          "| ------- | --------------- |",
          "| 3.x | 2027-03-31 |",
          "| 2.x | ✅ until 2026-06-30 |",
          "| 1.x | January 2025 |",
          "",
          "Mail security@acme.dev.",
        ].join("\n"),
      })
      .tags("v1.0.0", "v2.0.0", "v3.0.0");
    const result = await scan(repo, { checkRuntimes: false });
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.location?.startLine, f.title])).toEqual([
      [
        "supported-versions/support-date-passed",
        "medium",
        8,
        'Row "2.x" is marked supported, but its support ended on 2026-06-30',
      ],
    ]);
    expect(result.summaryMarkdown).toContain(
      "| 3.x | :white_check_mark: | 3.0.0 |\n| 2.x | :x: | 2.0.0 |\n| 1.x | :x: | 1.0.0 |",
    );
  });

  it("reports a policy it cannot read as an error, not as a missing policy", async () => {
    const repo = new GitRepo().write({ "SECURITY.md": "x".repeat(2 * 1024 * 1024) }).tags("v1.0.0");
    const result = await scan(repo, { checkRuntimes: false });
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([
      {
        level: "error",
        message: "Security policy not read: SECURITY.md: 2097152 bytes is too large for a security policy",
      },
    ]);
  });
});
