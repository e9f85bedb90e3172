// Secrets discipline across every action: a job token (given as the token input, so registered for
// masking) and real-looking secrets planted in a repository where scanners read and quote
// (harness/planted-repo.ts). Each committed bundle runs on a pull
// request with debug logging on, a sticky comment and a SARIF upload to the local GitHub server; then
// everything written is searched: stdout (outside ::add-mask:: commands), stderr, the output, env and
// summary files, every file in RUNNER_TEMP and the reports, the comment bodies, the uploaded SARIF and
// every request body GitHub received. A second pass points the actions at a GitHub that answers every
// call with an error echoing the request's headers.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOsvApiServer, type ApiServer } from "../../packages/osv/src/test-support/osv-api-server.js";
import { exportZip } from "../../packages/osv/src/test-support/shared-data.js";
import { parseImageReference, RegistryClient } from "../../packages/containers/src/index.js";
import { bullseyeBaseLayer } from "../../packages/containers/src/test-support/bullseye-layers.js";
import { pushImage } from "../../packages/containers/src/test-support/push-image.js";
import { startRegistry } from "../../packages/containers/src/test-support/registry-server.js";
import { GitHubServer } from "./harness/github-server.js";
import { plantedRepo, SECRETS, TOKEN } from "./harness/planted-repo.js";
import { runAction, type ActionRun } from "./harness/run-action.js";

const actionDir = (name: string) => fileURLToPath(new URL(`../../actions/${name}/`, import.meta.url));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every text the run left behind, by where it was found. */
function everythingWritten(run: ActionRun, workspace: string, github?: GitHubServer): [string, string][] {
  const reports = filesUnder(join(workspace, "out"));
  return [
    [
      "stdout",
      run.stdout
        .split("\n")
        .filter((l) => !l.startsWith("::add-mask::"))
        .join("\n"),
    ],
    ["stderr", run.stderr],
    ["GITHUB_OUTPUT", readFileSync(run.processEnv.GITHUB_OUTPUT!, "utf8")],
    ["GITHUB_STEP_SUMMARY", readFileSync(run.processEnv.GITHUB_STEP_SUMMARY!, "utf8")],
    ["GITHUB_ENV", readFileSync(run.processEnv.GITHUB_ENV!, "utf8")],
    ["GITHUB_STATE", readFileSync(run.processEnv.GITHUB_STATE!, "utf8")],
    ...[...filesUnder(run.runnerTemp), ...reports].map((f): [string, string] => [
      f,
      readFileSync(f, "latin1"),
    ]),
    ...(github
      ? [
          ...github.comments.map((c): [string, string] => [`comment ${c.id}`, c.body]),
          ...github.sarifUploads.map((s): [string, string] => [
            `SARIF upload ${s.id}`,
            JSON.stringify(s.sarif),
          ]),
          ...github.requests.map((r): [string, string] => [
            `${r.method} ${r.path} body`,
            JSON.stringify(r.body ?? null),
          ]),
        ]
      : []),
  ];
}

function leaks(texts: [string, string][], values: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of texts)
    for (const [name, value] of Object.entries(values))
      if (text.includes(value)) found.push(`${name} in ${where}`);
  return found;
}

const DEBUG = { RUNNER_DEBUG: "1", ACTIONS_STEP_DEBUG: "true", GITHUB_TOKEN: TOKEN };
const pullRequest = {
  pull_request: {
    number: 5,
    base: { ref: "main", sha: "a".repeat(40), repo: { full_name: "octo/app" } },
    head: { ref: "feature", sha: "b".repeat(40), repo: { full_name: "octo/app" } },
  },
};

let osvApi: ApiServer;
beforeAll(async () => {
  osvApi = await startOsvApiServer({ zips: [exportZip("npm")] });
}, 60_000);
afterAll(() => osvApi.close());

/** Each action with the inputs that make it read the planted files and write every report. */
const ACTIONS: { name: string; inputs: () => Record<string, string>; timeoutMs?: number }[] = [
  { name: "supported-versions", inputs: () => ({ "check-runtimes": "false" }) },
  { name: "osv-scan", inputs: () => ({ database: "online", "osv-api-url": osvApi.url }) },
  { name: "secret-scan", inputs: () => ({ scan: "tree" }) },
  { name: "sast", inputs: () => ({ scope: "all" }), timeoutMs: 300_000 },
];

/** Where each action's report must point, so the search above is over runs that read the planted files. */
const READS: Record<string, { findingsIn: string[]; problemsIn?: string[] }> = {
  "supported-versions": { findingsIn: [] },
  "osv-scan": { findingsIn: ["package-lock.json"], problemsIn: ["tools/yarn.lock"] },
  "secret-scan": { findingsIn: [".env", "SECURITY.md", "app/settings.py", "scripts/deploy.sh"] },
  sast: { findingsIn: ["scripts/deploy.sh"] },
};

describe("secrets discipline: nothing any action writes holds the token or a planted secret", () => {
  it.each(ACTIONS)(
    "$name, debug logging on, comment and SARIF upload",
    async ({ name, inputs, timeoutMs }) => {
      const ws = plantedRepo();
      const github = await new GitHubServer({
        writeTokens: [TOKEN],
        releases: [{ tag_name: "v1.0.0" }],
      }).start();
      try {
        const run = await runAction(actionDir(name), {
          workspace: ws,
          eventName: "pull_request",
          event: pullRequest,
          githubToken: TOKEN,
          inputs: {
            ...inputs(),
            comment: "always",
            "upload-sarif": "true",
            "json-file": "out/report.json",
            "sarif-file": "out/report.sarif",
          },
          env: { ...DEBUG, GITHUB_API_URL: github.url },
          ...(timeoutMs ? { timeoutMs } : {}),
        });
        // The run did what it should have: reports written, the comment and the upload made.
        expect(existsSync(join(ws, "out/report.json")), run.stdout).toBe(true);
        expect(github.comments).toHaveLength(1);
        expect(github.sarifUploads).toHaveLength(1);
        expect(github.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
        // The token is registered before anything else is written.
        expect(run.commands[0]).toMatchObject({ command: "add-mask", message: TOKEN });
        expect(leaks(everythingWritten(run, ws, github), { token: TOKEN, ...SECRETS })).toEqual([]);
        // ... and it did read the planted files.
        const report = JSON.parse(readFileSync(join(ws, "out/report.json"), "utf8")) as {
          findings: { ruleId: string; tool?: string; location?: { path: string } }[];
          problems: { message: string; path?: string }[];
        };
        const paths = new Set(report.findings.map((f) => f.location?.path));
        for (const path of READS[name]!.findingsIn)
          expect(paths.has(path), `a finding in ${path}`).toBe(true);
        for (const path of READS[name]!.problemsIn ?? [])
          expect(
            report.problems.some((p) => p.path === path),
            `a problem about ${path}`,
          ).toBe(true);
        if (name === "secret-scan") {
          const masked = new Set(run.commands.filter((c) => c.command === "add-mask").map((c) => c.message));
          for (const s of [SECRETS.aws, SECRETS.stripe, SECRETS.githubPat, SECRETS.slack])
            expect(masked.has(s), "found secrets are registered for masking").toBe(true);
        }
      } finally {
        await github.stop();
      }
    },
    360_000,
  );
});

describe("secrets discipline: a GitHub that echoes request headers in its errors", () => {
  let echo: Server;
  let echoUrl: string;
  beforeAll(async () => {
    echo = createServer((req, res) => {
      req.resume();
      const headers = JSON.stringify(req.headers);
      res.writeHead(422, { "content-type": "application/json", "x-echo": encodeURIComponent(headers) });
      res.end(JSON.stringify({ message: `Validation Failed for request with headers ${headers}`, headers }));
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  it.each(ACTIONS.filter((a) => a.name !== "sast"))(
    "$name",
    async ({ name, inputs }) => {
      const ws = plantedRepo();
      const run = await runAction(actionDir(name), {
        workspace: ws,
        eventName: "pull_request",
        event: pullRequest,
        githubToken: TOKEN,
        inputs: { ...inputs(), comment: "always", "upload-sarif": "true", "json-file": "out/report.json" },
        env: { ...DEBUG, GITHUB_API_URL: echoUrl },
      });
      // The failed write is reported (the message GitHub sent is quoted), with the token cut out of it.
      expect(run.stdout).toMatch(/HTTP 422/);
      expect(leaks(everythingWritten(run, ws), { token: TOKEN, ...SECRETS })).toEqual([]);
    },
    180_000,
  );
});

describe("secrets discipline: container-scan with registry credentials", () => {
  it("masks the registry password and writes it nowhere", async () => {
    const registry = await startRegistry();
    const github = await new GitHubServer({ writeTokens: [TOKEN] }).start();
    try {
      const client = new RegistryClient({ dockerConfig: false });
      await pushImage(client, parseImageReference(`${registry.host}/debian`), "11", [
        await bullseyeBaseLayer(),
      ]);
      const password = `dckr_pat_${SECRETS.stripe.slice(8)}`;
      const ws = plantedRepo();
      const run = await runAction(actionDir("container-scan"), {
        workspace: ws,
        eventName: "pull_request",
        event: pullRequest,
        githubToken: TOKEN,
        inputs: {
          images: `${registry.host}/debian:11`,
          database: "offline",
          "osv-db-url": fileURLToPath(new URL("../../../shared/osv-db/", import.meta.url)),
          "database-cache": ".cache/osv",
          "registry-username": "ci",
          "registry-password": password,
          registry: registry.host,
          comment: "always",
          "upload-sarif": "true",
          "json-file": "out/report.json",
          "sarif-file": "out/report.sarif",
        },
        env: { ...DEBUG, GITHUB_API_URL: github.url },
        timeoutMs: 300_000,
      });
      expect(existsSync(join(ws, "out/report.json")), run.stdout + run.stderr).toBe(true);
      expect(github.comments).toHaveLength(1);
      expect(run.commands.some((c) => c.command === "add-mask" && c.message === password)).toBe(true);
      expect(leaks(everythingWritten(run, ws, github), { token: TOKEN, password, ...SECRETS })).toEqual([]);
    } finally {
      await github.stop();
      await registry.stop();
    }
  }, 360_000);
});
