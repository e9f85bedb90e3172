// Faults between Bulwark and the services it calls, injected by a proxy in front of the real local
// servers: the osv.dev API stand-in (real OSV records) and the GitHub API server. Every kind of fault is
// retried with backoff and, while it lasts, ends in an error that names it; a short outage changes
// nothing in the results. Through the committed osv-scan bundle: an unreachable database fails the step
// (fail closed), fail-open passes it but the summary, SARIF and outputs still say what was not checked,
// and GitHub writes that keep failing fail the step with their own message.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitHubApiError, RepositoryApi, RestClient } from "@bulwark/core";
import { OnlineSource } from "../../packages/osv/src/index.js";
import { startOsvApiServer, type ApiServer } from "../../packages/osv/src/test-support/osv-api-server.js";
import { exportZip, LOCKFILES_DIR } from "../../packages/osv/src/test-support/shared-data.js";
import { FAULT_KINDS, FaultProxy, type FaultKind } from "./harness/fault-proxy.js";
import { GitHubServer } from "./harness/github-server.js";
import { runAction } from "./harness/run-action.js";

const action = fileURLToPath(new URL("../../actions/osv-scan/", import.meta.url));
/** helix's Cargo.lock: rkyv 0.8.16 has three RustSec advisories. */
const HELIX = join(LOCKFILES_DIR, "cargo-lock/helix-editor__helix__Cargo.lock");
const SMALLVEC = { ecosystem: "crates.io", name: "smallvec", version: "0.6.0" };
const SMALLVEC_KEY = "crates.io/smallvec@0.6.0#";

/** What each fault looks like in the error once the attempts run out. */
const EXPECTED: Record<FaultKind, RegExp> = {
  timeout: /timed out after 400 ms/,
  "rate-limit": /HTTP 429/,
  "server-error": /HTTP 503/,
  reset: /fetch failed|ECONNRESET|socket/i,
  truncated: /body cut off|timed out/,
  "invalid-body": /not JSON \(application\/json/,
  "wrong-content-type": /not JSON \(text\/html/,
};

let api: ApiServer;
let cleanIds: string[];
beforeAll(async () => {
  api = await startOsvApiServer({ zips: [exportZip("crates.io")] });
  const clean = await new OnlineSource({ baseUrl: api.url }).query([SMALLVEC]);
  cleanIds = clean.candidates.get(SMALLVEC_KEY)!.map((r) => r.id);
}, 60_000);
afterAll(() => api.close());

async function withProxy<T>(target: string, body: (proxy: FaultProxy) => Promise<T>): Promise<T> {
  const proxy = await new FaultProxy(target).start();
  try {
    return await body(proxy);
  } finally {
    await proxy.stop();
  }
}

const source = (url: string) =>
  new OnlineSource({ baseUrl: url, retry: { attempts: 4, baseDelayMs: 50, timeoutMs: 400 } });

describe("osv.dev API client behind a faulty network", () => {
  it.each(FAULT_KINDS)(
    "%s twice on every path: retried with backoff, same records",
    async (kind) => {
      await withProxy(api.url, async (proxy) => {
        proxy.inject({ kind, times: 2, retryAfter: "1" });
        const result = await source(proxy.url).query([SMALLVEC]);
        expect(result.candidates.get(SMALLVEC_KEY)!.map((r) => r.id)).toEqual(cleanIds);
        expect(proxy.faulted(kind)).toHaveLength(2);
        // The attempt after a fault waited at least the backoff (Retry-After's second for a 429).
        const [first, second] = proxy.requests;
        expect(second!.at - first!.at).toBeGreaterThanOrEqual(kind === "rate-limit" ? 950 : 45);
      });
    },
    30_000,
  );

  it.each(FAULT_KINDS)(
    "%s for good: a clear error after four attempts, never an empty result",
    async (kind) => {
      await withProxy(api.url, async (proxy) => {
        proxy.inject({ kind, retryAfter: "0" });
        const error = await source(proxy.url)
          .query([SMALLVEC])
          .then(
            () => undefined,
            (e: Error) => e,
          );
        expect(error?.message).toMatch(
          /POST http:\/\/127\.0\.0\.1:\d+\/v1\/querybatch failed after 4 attempts/,
        );
        expect(error?.message).toMatch(EXPECTED[kind]);
        expect(proxy.requests).toHaveLength(4);
      });
    },
    30_000,
  );

  it("faults on record downloads (not only queries) are retried too", async () => {
    await withProxy(api.url, async (proxy) => {
      const vulns = ({ path }: { path: string }) => path.startsWith("/v1/vulns/");
      proxy.inject(
        { kind: "truncated", times: 1, match: vulns },
        { kind: "wrong-content-type", times: 1, match: vulns },
        { kind: "reset", times: 1, match: vulns },
      );
      const result = await source(proxy.url).query([SMALLVEC]);
      expect(result.candidates.get(SMALLVEC_KEY)!.map((r) => r.id)).toEqual(cleanIds);
      expect(proxy.faulted()).toHaveLength(3);
    });
  }, 30_000);
});

describe("GitHub API client behind a faulty network", () => {
  const TOKEN = "ghs_faultsWriteToken0123456789abcdefABCD";

  async function withGitHub(body: (github: GitHubServer, proxy: FaultProxy) => Promise<void>) {
    const github = await new GitHubServer({ writeTokens: [TOKEN] }).start();
    try {
      await withProxy(github.url, (proxy) => body(github, proxy));
    } finally {
      await github.stop();
    }
  }
  const repoApi = (url: string) =>
    new RepositoryApi(new RestClient({ apiUrl: url, token: TOKEN, backoffMs: 50, timeoutMs: 400 }), {
      owner: "octo",
      repo: "app",
    });

  it.each(FAULT_KINDS)(
    "%s on the comment listing: retried, one sticky comment",
    async (kind) => {
      await withGitHub(async (github, proxy) => {
        proxy.inject({ kind, times: 2, retryAfter: "1", match: ({ method }) => method === "GET" });
        const outcome = await repoApi(proxy.url).upsertComment(7, "<!-- m -->", "<!-- m -->\nhello");
        expect(outcome.status).toBe("created");
        expect(github.comments).toHaveLength(1);
        expect(proxy.faulted(kind)).toHaveLength(2);
      });
    },
    30_000,
  );

  it.each(["timeout", "rate-limit", "server-error", "reset"] as const)(
    "%s on the write itself (never reached GitHub): retried, the comment is written once",
    async (kind) => {
      await withGitHub(async (github, proxy) => {
        proxy.inject({ kind, times: 2, retryAfter: "1", match: ({ method }) => method === "POST" });
        const outcome = await repoApi(proxy.url).upsertComment(7, "<!-- m -->", "<!-- m -->\nhello");
        expect(outcome.status).toBe("created");
        expect(github.comments).toHaveLength(1);
      });
    },
    30_000,
  );

  it.each(FAULT_KINDS)(
    "%s for good: GitHubApiError after four attempts, without the token",
    async (kind) => {
      await withGitHub(async (_github, proxy) => {
        proxy.inject({ kind, retryAfter: "0" });
        const error = await repoApi(proxy.url)
          .upsertComment(7, "<!-- m -->", "<!-- m -->\nhello")
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(GitHubApiError);
        expect((error as Error).message).toMatch(/^GitHub API GET \/repos\/octo\/app\/issues\/7\/comments/);
        expect((error as Error).message).toContain("failed after 4 attempts");
        expect(JSON.stringify(error) + String((error as Error).stack)).not.toContain(TOKEN);
        expect(proxy.requests).toHaveLength(4);
      });
    },
    30_000,
  );
});

describe("osv-scan bundle: fail closed, fail-open, and what was not checked", () => {
  function workspace(): string {
    const ws = mkdtempSync(join(tmpdir(), "bulwark-e2e-faults-"));
    writeFileSync(join(ws, "Cargo.lock"), readFileSync(HELIX));
    return ws;
  }
  const inputs = (url: string, extra: Record<string, string> = {}) => ({
    database: "online",
    "osv-api-url": url,
    "fail-on": "none",
    "json-file": "report.json",
    "sarif-file": "report.sarif",
    ...extra,
  });
  const fingerprints = (ws: string) =>
    (
      JSON.parse(readFileSync(join(ws, "report.json"), "utf8")) as { findings: { fingerprint: string }[] }
    ).findings
      .map((f) => f.fingerprint)
      .sort();

  it("a short outage of every kind but timeouts changes nothing", async () => {
    const clean = workspace();
    const cleanRun = await runAction(action, { workspace: clean, inputs: inputs(api.url) });
    expect(cleanRun.exitCode).toBe(0);
    const expected = fingerprints(clean);
    expect(expected.length).toBeGreaterThan(0);

    await withProxy(api.url, async (proxy) => {
      const ws = workspace();
      proxy.inject(
        { kind: "rate-limit", times: 1, retryAfter: "1" },
        { kind: "server-error", times: 1 },
        { kind: "reset", times: 1 },
        { kind: "truncated", times: 1, match: ({ path }) => path.startsWith("/v1/vulns/") },
        { kind: "invalid-body", times: 1, match: ({ path }) => path.startsWith("/v1/vulns/") },
        { kind: "wrong-content-type", times: 1, match: ({ path }) => path.startsWith("/v1/vulns/") },
      );
      const run = await runAction(action, { workspace: ws, inputs: inputs(proxy.url) });
      expect(proxy.faulted()).toHaveLength(6);
      expect(run.exitCode).toBe(0);
      expect(run.outputs["not-checked"]).toBe("0");
      expect(fingerprints(ws)).toEqual(expected);
      expect(run.summary).not.toContain("Not checked");
    });
  }, 120_000);

  it("a database that stays down fails the step; fail-open passes it but still says what was not checked", async () => {
    await withProxy(api.url, async (proxy) => {
      proxy.inject({ kind: "server-error" });
      const closed = workspace();
      const run = await runAction(action, { workspace: closed, inputs: inputs(proxy.url) });
      expect(run.exitCode).toBe(1);
      expect(run.outputs).toMatchObject({ failed: "true", "not-checked": "1" });
      const error = run.commands.find((c) => c.command === "error");
      expect(error?.message).toContain("Failing closed: 1 scan error");
      expect(error?.message).toMatch(/could not be reached.*failed after 4 attempts: HTTP 503/);
      // Four attempts per request: retried with backoff (0.5 s, 1 s, 2 s) before giving up.
      const times = proxy.requests.slice(0, 4).map((r) => r.at);
      expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(3_000);

      const open = workspace();
      const passed = await runAction(action, {
        workspace: open,
        inputs: inputs(proxy.url, { "fail-open": "true" }),
      });
      expect(passed.exitCode).toBe(0);
      expect(passed.outputs).toMatchObject({ failed: "false", findings: "0", "not-checked": "1" });
      for (const [ws, r] of [
        [closed, run],
        [open, passed],
      ] as const) {
        expect(r.summary).toContain("Not checked (1 problem)");
        expect(r.summary).toContain("No findings in the parts that were checked");
        expect(r.summary).not.toMatch(/^No findings\.$/m);
        expect(r.summary).toContain(
          "No package was checked: the vulnerability database could not be reached.",
        );
        expect(r.summary).not.toContain("No known vulnerabilities");
        const sarif = JSON.parse(readFileSync(join(ws, "report.sarif"), "utf8")) as {
          runs: {
            results: unknown[];
            invocations: {
              executionSuccessful: boolean;
              toolExecutionNotifications?: { message: { text: string } }[];
            }[];
          }[];
        };
        expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
        expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications?.[0]?.message.text).toContain(
          "could not be reached",
        );
        const json = JSON.parse(readFileSync(join(ws, "report.json"), "utf8")) as { problems: unknown[] };
        expect(json.problems).toHaveLength(1);
      }
      expect(passed.summary).toContain("passed, but incomplete");
      expect(
        passed.commands.some((c) => c.command === "notice" && c.message.startsWith("fail-open is on")),
      ).toBe(true);
    });
  }, 120_000);

  it("GitHub writes: a blip is retried; a code-scanning API that stays down fails the step, fail-open makes it a notice", async () => {
    const github = await new GitHubServer({ writeTokens: ["ghs_write"] }).start();
    try {
      await withProxy(github.url, async (proxy) => {
        const pr = {
          eventName: "pull_request",
          event: {
            pull_request: {
              number: 7,
              base: { ref: "main", sha: "a".repeat(40), repo: { full_name: "octo/app" } },
              head: { ref: "bump", sha: "b".repeat(40), repo: { full_name: "octo/app" } },
            },
          },
          env: { GITHUB_API_URL: proxy.url },
        };
        const writes = (extra: Record<string, string> = {}) =>
          inputs(api.url, { token: "ghs_write", comment: "always", "upload-sarif": "true", ...extra });

        proxy.inject(
          { kind: "server-error", times: 1 },
          { kind: "reset", times: 1 },
          { kind: "rate-limit", times: 1, retryAfter: "1" },
        );
        const blip = await runAction(action, { workspace: workspace(), inputs: writes(), ...pr });
        expect(blip.exitCode).toBe(0);
        expect(proxy.faulted()).toHaveLength(3);
        expect(github.comments).toHaveLength(1);
        expect(github.sarifUploads).toHaveLength(1);

        proxy
          .heal()
          .inject({ kind: "server-error", match: ({ path }) => path.endsWith("/code-scanning/sarifs") });
        const down = await runAction(action, { workspace: workspace(), inputs: writes(), ...pr });
        expect(down.exitCode).toBe(1);
        expect(down.outputs.failed).toBe("true");
        const error = down.commands.find((c) => c.command === "error");
        expect(error?.message).toMatch(
          /^Could not write the code-scanning upload: GitHub API POST \/repos\/octo\/app\/code-scanning\/sarifs failed after 4 attempts: HTTP 503/,
        );
        // The scan itself was reported before the write failed.
        expect(down.summary).toContain("osv-scan");
        expect(github.comments).toHaveLength(1);

        const open = await runAction(action, {
          workspace: workspace(),
          inputs: writes({ "fail-open": "true" }),
          ...pr,
        });
        expect(open.exitCode).toBe(0);
        expect(open.outputs.failed).toBe("false");
        expect(
          open.commands.some(
            (c) =>
              c.command === "notice" &&
              c.message.startsWith("fail-open is on: Could not write the code-scanning upload"),
          ),
        ).toBe(true);
      });
    } finally {
      await github.stop();
    }
  }, 180_000);
});
