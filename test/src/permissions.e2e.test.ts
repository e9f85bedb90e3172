// The minimum `permissions:` of every action, documented and tested. Each README's workflow says
// `contents: read`, plus `pull-requests: write` for the comment and `security-events: write` for the SARIF
// upload. Each committed bundle runs on a pull request against the local GitHub server with a token scoped
// the way a job's GITHUB_TOKEN is: with only `contents: read` (a fork's pull request) both writes are
// refused with 403 and each becomes a notice, never a failure; each optional scope brings back exactly its
// write; code scanning turned off for the repository is a notice too. The verdict never changes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { startOsvApiServer, type ApiServer } from "../../packages/osv/src/test-support/osv-api-server.js";
import { exportZip } from "../../packages/osv/src/test-support/shared-data.js";
import { GitHubServer, type TokenPermissions } from "./harness/github-server.js";
import { plantedRepo } from "./harness/planted-repo.js";
import { runAction, type ActionRun } from "./harness/run-action.js";

const actionDir = (name: string) => fileURLToPath(new URL(`../../actions/${name}/`, import.meta.url));

let osvApi: ApiServer;
beforeAll(async () => {
  osvApi = await startOsvApiServer({ zips: [exportZip("npm")] });
}, 60_000);
afterAll(() => osvApi.close());

const ACTIONS: { name: string; inputs: () => Record<string, string> }[] = [
  { name: "supported-versions", inputs: () => ({ "check-runtimes": "false" }) },
  { name: "osv-scan", inputs: () => ({ database: "online", "osv-api-url": osvApi.url }) },
  { name: "secret-scan", inputs: () => ({ scan: "tree" }) },
  { name: "sast", inputs: () => ({ scope: "all" }) },
];

/** The write scopes each README's workflows show. */
const DOCUMENTED_WRITES: Record<string, string[]> = {
  "supported-versions": ["pull-requests", "security-events"],
  "osv-scan": ["pull-requests", "security-events"],
  "secret-scan": ["pull-requests", "security-events"],
  sast: ["pull-requests", "security-events"],
};

const pullRequest = {
  pull_request: {
    number: 9,
    base: { ref: "main", sha: "a".repeat(40), repo: { full_name: "octo/app" } },
    head: { ref: "feature", sha: "b".repeat(40), repo: { full_name: "octo/app" } },
  },
};

/** The `permissions:` maps of the workflows in a README's yaml blocks. */
function documentedPermissions(name: string): Record<string, string>[] {
  const readme = readFileSync(new URL(`../../actions/${name}/README.md`, import.meta.url), "utf8");
  const blocks = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((text) =>
    parseAllDocuments(text)
      .map((d) => (d.toJS() as { permissions?: Record<string, string> } | null)?.permissions)
      .filter((p): p is Record<string, string> => typeof p === "object" && p !== null),
  );
}

const notices = (run: ActionRun) => run.commands.filter((c) => c.command === "notice").map((c) => c.message);
const skipped = (run: ActionRun, what: string) => notices(run).filter((n) => n.startsWith(`Skipped ${what}`));

describe.each(ACTIONS)("$name permissions", ({ name, inputs }) => {
  it("the README's workflows ask for contents: read, and write scopes only for the comment and the upload", () => {
    const documented = documentedPermissions(name);
    expect(documented.length).toBeGreaterThan(0);
    for (const p of documented) {
      expect(p.contents).toBe("read");
      for (const [scope, level] of Object.entries(p))
        if (level === "write") expect(["pull-requests", "security-events"]).toContain(scope);
    }
    const writes = new Set(documented.flatMap((p) => Object.keys(p).filter((k) => p[k] === "write")));
    expect([...writes].sort()).toEqual(DOCUMENTED_WRITES[name]);
  });

  it("each missing optional scope is a notice, never a failure; the verdict stays the gate's", async () => {
    const ws = plantedRepo();
    const tokens: Record<string, TokenPermissions> = {
      ghs_fork0000000000000000000000000000000000: { contents: "read", "pull-requests": "read" },
      ghs_comment00000000000000000000000000000000: { contents: "read", "pull-requests": "write" },
      ghs_all000000000000000000000000000000000000: {
        contents: "read",
        "pull-requests": "write",
        "security-events": "write",
      },
    };
    const [fork, comment, all] = Object.keys(tokens) as [string, string, string];
    const run = async (token: string | undefined, github: GitHubServer, writes = true) =>
      runAction(actionDir(name), {
        workspace: ws,
        eventName: "pull_request",
        event: pullRequest,
        inputs: {
          ...inputs(),
          ...(token ? { token } : {}),
          comment: writes ? "always" : "never",
          "upload-sarif": String(writes),
        },
        env: { GITHUB_API_URL: github.url },
        timeoutMs: 300_000,
      });

    const github = await new GitHubServer({
      scopedTokens: tokens,
      releases: [{ tag_name: "v1.0.0" }],
    }).start();
    try {
      const baseline = await run(all, github, false);
      expect(github.requests.filter((r) => r.method !== "GET")).toHaveLength(0);

      const forked = await run(fork, github);
      expect(forked.exitCode).toBe(baseline.exitCode);
      expect(forked.outputs.failed).toBe(baseline.outputs.failed);
      expect(github.comments).toHaveLength(0);
      expect(github.sarifUploads).toHaveLength(0);
      expect(skipped(forked, "the pull request comment")).toHaveLength(1);
      expect(skipped(forked, "the pull request comment")[0]).toContain("HTTP 403");
      expect(skipped(forked, "the code-scanning upload")).toHaveLength(1);
      expect(skipped(forked, "the code-scanning upload")[0]).toContain("HTTP 403");
      expect(
        forked.commands
          .filter((c) => c.command === "error")
          .map((c) => c.message)
          .join("\n"),
      ).not.toMatch(/HTTP 403|GitHub API/);

      const commentOnly = await run(comment, github);
      expect(commentOnly.exitCode).toBe(baseline.exitCode);
      expect(github.comments).toHaveLength(1);
      expect(github.sarifUploads).toHaveLength(0);
      expect(skipped(commentOnly, "the pull request comment")).toHaveLength(0);
      expect(skipped(commentOnly, "the code-scanning upload")).toHaveLength(1);

      const everything = await run(all, github);
      expect(everything.exitCode).toBe(baseline.exitCode);
      expect(github.comments).toHaveLength(1); // the sticky comment, updated
      expect(github.sarifUploads).toHaveLength(1);
      expect(skipped(everything, "the")).toHaveLength(0);
    } finally {
      await github.stop();
    }

    const disabled = await new GitHubServer({ scopedTokens: tokens, codeScanningDisabled: true }).start();
    try {
      const off = await run(all, disabled);
      expect(disabled.comments).toHaveLength(1);
      expect(skipped(off, "the code-scanning upload")).toHaveLength(1);
      expect(skipped(off, "the code-scanning upload")[0]).toContain("HTTP 403");
    } finally {
      await disabled.stop();
    }
  }, 600_000);
});
