// The committed secret-scan bundle, run as the runner runs it, on real git repositories with planted
// secrets in the working tree and in history. Nothing the action prints or writes may contain a planted
// secret, except the ::add-mask:: commands that tell the runner to hide it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runAction, type ActionRun } from "./harness/run-action.js";

const action = fileURLToPath(new URL("../../actions/secret-scan/", import.meta.url));

function random(alphabet: string, n: number): string {
  const bytes = randomBytes(n);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}
const UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
// Fresh random values every run: format-valid, never real, never in the repository's sources.
const plant = {
  awsInTree: `AKIA${random(UPPER32, 16)}`,
  stripeDeleted: `sk_live_${random(ALNUM, 32)}`,
  stripeKept: `sk_live_${random(ALNUM, 32)}`,
  awsOnMain: `AKIA${random(UPPER32, 16)}`,
};

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
function gitIn(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, env: gitEnv, stdio: "pipe", encoding: "utf8" });
}

function newRepo(): { dir: string; commit(message: string, files: Record<string, string | null>): string } {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-e2e-secrets-"));
  gitIn(dir, "init", "-q", "-b", "main");
  gitIn(dir, "config", "user.email", "dev@example.test");
  gitIn(dir, "config", "user.name", "Dev");
  return {
    dir,
    commit(message, files) {
      for (const [name, content] of Object.entries(files)) {
        if (content === null) rmSync(join(dir, name));
        else {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          writeFileSync(join(dir, name), content);
        }
      }
      gitIn(dir, "add", "-A");
      gitIn(dir, "commit", "-q", "-m", message);
      return gitIn(dir, "rev-parse", "HEAD").trim();
    },
  };
}

/** main: a secret in the tree; feature: one secret added then deleted, another kept. */
function plantedHistory() {
  const repo = newRepo();
  repo.commit("init", { "README.md": "# app\n" });
  const base = repo.commit("deploy", { "deploy/.env": `PORT=8080\nAWS_ACCESS_KEY_ID=${plant.awsInTree}\n` });
  gitIn(repo.dir, "checkout", "-q", "-b", "feature");
  const added = repo.commit("pay", { "pay/settings.py": `MODE = "live"\nKEY = "${plant.stripeDeleted}"\n` });
  repo.commit("remove key", { "pay/settings.py": `MODE = "live"\nKEY = os.environ["KEY"]\n` });
  const head = repo.commit("billing", {
    "billing/client.js": `// client\n\nexport const key = "${plant.stripeKept}";\n`,
  });
  return { ...repo, base, added, head };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Every place the run wrote to; a planted secret may appear only inside an ::add-mask:: command. */
function expectNoSecretLeaks(run: ActionRun, extraFiles: string[]) {
  const outside = run.stdout
    .split("\n")
    .filter((l) => !l.startsWith("::add-mask::"))
    .join("\n");
  const texts: [string, string][] = [
    ["stdout", outside],
    ["stderr", run.stderr],
    ["GITHUB_OUTPUT", readFileSync(run.processEnv.GITHUB_OUTPUT!, "utf8")],
    ["GITHUB_STEP_SUMMARY", readFileSync(run.processEnv.GITHUB_STEP_SUMMARY!, "utf8")],
    ["GITHUB_ENV", readFileSync(run.processEnv.GITHUB_ENV!, "utf8")],
    ...[...filesUnder(run.runnerTemp), ...extraFiles].map((f): [string, string] => [
      f,
      readFileSync(f, "utf8"),
    ]),
  ];
  for (const [where, text] of texts)
    for (const [name, secret] of Object.entries(plant))
      expect(text.includes(secret), `${name} in ${where}`).toBe(false);
}

const ruleAt = (run: ActionRun) =>
  JSON.parse(readFileSync(run.outputs["json-file"]!, "utf8")).findings.map(
    (f: {
      ruleId: string;
      location: { path: string; startLine: number };
      properties: Record<string, unknown>;
    }) => [f.ruleId, f.location.path, f.location.startLine, f.properties.commit ?? null],
  );

describe("secret-scan action", () => {
  it("tree mode: finds the working tree's secret only, masks it first, and leaks nothing", async () => {
    const repo = plantedHistory();
    // Enough files for the scan to go to worker threads, which run the bundle itself.
    for (let i = 0; i < 300; i++) {
      mkdirSync(join(repo.dir, "lib", String(i % 10)), { recursive: true });
      writeFileSync(
        join(repo.dir, "lib", String(i % 10), `m${i}.ts`),
        `export const token = tokens[${i}];\n`,
      );
    }
    const run = await runAction(action, {
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      inputs: { scan: "tree", "json-file": "out/report.json" },
      env: { RUNNER_DEBUG: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ failed: "true", findings: "2" });
    expect(ruleAt(run).sort()).toEqual([
      ["aws-access-key-id", "deploy/.env", 2, null],
      ["stripe-secret-key", "billing/client.js", 3, null],
    ]);
    // Masks come before any annotation or summary line about the findings.
    const firstMask = run.commands.findIndex((c) => c.command === "add-mask");
    const firstError = run.commands.findIndex((c) => c.command === "error");
    expect(firstMask).toBeGreaterThanOrEqual(0);
    expect(firstMask).toBeLessThan(firstError);
    const masked = run.commands.filter((c) => c.command === "add-mask").map((c) => c.message);
    expect(masked).toEqual(expect.arrayContaining([plant.awsInTree, plant.stripeKept]));
    const report = JSON.parse(readFileSync(join(repo.dir, "out/report.json"), "utf8"));
    expect(JSON.stringify(report)).toMatch(/"threads":(?:[2-9]|\d\d)\b/);
    expectNoSecretLeaks(run, [join(repo.dir, "out/report.json")]);
  });

  it("a baseline made from an earlier run's JSON report keeps those findings from failing; a new one still fails", async () => {
    const repo = newRepo();
    repo.commit("init", { "deploy/.env": `AWS_ACCESS_KEY_ID=${plant.awsInTree}\n` });
    const first = await runAction(action, {
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      inputs: { scan: "tree", "json-file": "first.json" },
    });
    expect(first.exitCode).toBe(1);
    const accepted = JSON.parse(readFileSync(join(repo.dir, "first.json"), "utf8")).findings.map(
      (f: { fingerprint: string }) => f.fingerprint,
    );
    expect(accepted).toHaveLength(1);
    writeFileSync(
      join(repo.dir, "secrets-baseline.json"),
      JSON.stringify({ version: 1, fingerprints: accepted }),
    );
    const again = await runAction(action, {
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      inputs: { scan: "tree", baseline: "secrets-baseline.json", "json-file": "again.json" },
    });
    expect(again.stderr).toBe("");
    expect(again.exitCode).toBe(0);
    expect(again.outputs).toMatchObject({ failed: "false", "new-findings": "0" });
    repo.commit("pay", { "pay.ts": `export const key = "${plant.stripeKept}";\n` });
    const later = await runAction(action, {
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      inputs: { scan: "tree", baseline: "secrets-baseline.json", "json-file": "later.json" },
    });
    expect(later.exitCode).toBe(1);
    expect(later.outputs).toMatchObject({ failed: "true", "new-findings": "1" });
    expectNoSecretLeaks(later, [join(repo.dir, "later.json"), join(repo.dir, "first.json")]);
  });

  it("max-file-mib and max-line-length: larger files and longer lines are left out, with a notice naming the files", async () => {
    const repo = newRepo();
    const padding = `// ${"x".repeat(2000)}\n`;
    repo.commit("init", {
      "deploy/.env": `AWS_ACCESS_KEY_ID=${plant.awsInTree}\n`,
      "big/settings.py": `${padding}KEY = "${plant.stripeKept}"\n`,
      "web/app.js": `const key = "${plant.stripeDeleted}"; // ${"y".repeat(200)}\n`,
    });
    const run = await runAction(action, {
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      inputs: { scan: "tree", "max-file-mib": "0.001", "max-line-length": "100", "json-file": "report.json" },
    });
    expect(run.stderr).toBe("");
    // 0.001 MiB is 1,049 bytes: big/settings.py is not scanned; web/app.js has a 250-character line.
    expect(ruleAt(run)).toEqual([["aws-access-key-id", "deploy/.env", 1, null]]);
    const report = readFileSync(join(repo.dir, "report.json"), "utf8");
    expect(report).toMatch(/1 file\(s\) over 1049 bytes were not scanned: big\/settings.py/);
    expectNoSecretLeaks(run, [join(repo.dir, "report.json")]);
  });

  it("pull_request: scans only the pull request's commits, finds a secret added then deleted, leaks nothing", async () => {
    const repo = plantedHistory();
    const run = await runAction(action, {
      workspace: repo.dir,
      eventName: "pull_request",
      event: {
        pull_request: {
          number: 7,
          base: { ref: "main", sha: repo.base, repo: { full_name: "octo/app" } },
          head: { ref: "feature", sha: repo.head, repo: { full_name: "octo/app" } },
        },
      },
      inputs: { "json-file": "report.json", "sarif-file": "out/results.sarif" },
      env: { RUNNER_DEBUG: "1" },
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `pull request #7: commits ${repo.base.slice(0, 12)}..${repo.head.slice(0, 12)}`,
    );
    expect(ruleAt(run).sort()).toEqual([
      ["stripe-secret-key", "billing/client.js", 3, repo.head],
      ["stripe-secret-key", "pay/settings.py", 2, repo.added],
    ]);
    const sarif = readFileSync(join(repo.dir, "out/results.sarif"), "utf8");
    expect(JSON.parse(sarif).runs[0].results).toHaveLength(2);
    expectNoSecretLeaks(run, [join(repo.dir, "report.json"), join(repo.dir, "out/results.sarif")]);
  });

  it("pull_request on a shallow clone without a remote: an error naming the fetch-depth, never a pass", async () => {
    const repo = plantedHistory();
    const clone = join(mkdtempSync(join(tmpdir(), "bulwark-e2e-shallow-")), "c");
    execFileSync("git", ["clone", "-q", "--depth=1", "--branch=feature", `file://${repo.dir}`, clone], {
      env: gitEnv,
      stdio: "pipe",
    });
    gitIn(clone, "remote", "remove", "origin");
    const run = await runAction(action, {
      workspace: clone,
      eventName: "pull_request",
      event: {
        pull_request: {
          number: 7,
          base: { ref: "main", sha: repo.base, repo: { full_name: "octo/app" } },
          head: { ref: "feature", sha: repo.head, repo: { full_name: "octo/app" } },
        },
      },
      inputs: {},
    });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain("fetch-depth: 0");
    expect(run.stdout).toContain("Failing closed");
  });

  it("applies the repository's .gitleaks.toml custom rules (on a worker thread running the bundle, time-bounded)", async () => {
    const repo = newRepo();
    const acme = `acme_${random("abcdefghijklmnopqrstuvwxyz0123456789", 24)}`;
    const toml = [
      "[extend]",
      "useDefault = true",
      "",
      "[[rules]]",
      'id = "acme-key"',
      'description = "Acme key"',
      "regex = '''acme_[a-z0-9]{24}'''",
      'keywords = ["acme_"]',
      "",
    ].join("\n");
    repo.commit("init", { ".gitleaks.toml": toml, "src/a.txt": `k = "${acme}"\n` });
    const run = await runAction(action, {
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      inputs: { "json-file": "report.json" },
    });
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(1);
    expect(ruleAt(run)).toEqual([["acme-key", "src/a.txt", 1, null]]);
    expect(run.commands[0]).toEqual({ command: "add-mask", properties: {}, message: acme });
    expect(readFileSync(join(repo.dir, "report.json"), "utf8")).not.toContain(acme);
  });

  it("applies custom rules, allowlists and disabled rules from .github/bulwark.yml; refuses a backtracking regex", async () => {
    const repo = newRepo();
    const acme = `acme_${random("abcdefghijklmnopqrstuvwxyz0123456789", 24)}`;
    const config = [
      "version: 1",
      "secret-scan:",
      "  rules:",
      "    - id: acme-key",
      "      description: Acme key",
      "      regex: '\\b(acme_[a-z0-9]{24})\\b'",
      "      keywords: [acme_]",
      "      severity: critical",
      "    - id: stalls",
      "      regex: '(a+)+$'",
      "  allowlists:",
      "    - path-globs: ['docs/**']",
      "  disabled-rules: [aws-access-key-id]",
      "",
    ].join("\n");
    repo.commit("init", {
      ".github/bulwark.yml": config,
      "src/a.txt": `k = "${acme}"\n`,
      "docs/a.md": `k = "${acme}"\n`,
      "deploy/.env": `AWS_ACCESS_KEY_ID=${plant.awsInTree}\n`,
    });
    const run = await runAction(action, {
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      inputs: { "json-file": "report.json" },
    });
    expect(run.exitCode).toBe(1);
    const found = ruleAt(run);
    expect(found).toContainEqual(["acme-key", "src/a.txt", 1, null]);
    // docs/ is allowlisted; the disabled rule reports nothing (a generic rule may still see the line).
    expect(found.filter((f: unknown[]) => f[1] === "docs/a.md" || f[0] === "aws-access-key-id")).toEqual([]);
    const report = readFileSync(join(repo.dir, "report.json"), "utf8");
    expect(report).toMatch(/rule \\"stalls\\": regex refused/);
    expect(report).not.toContain(acme);
  });

  it("force push whose previous head is gone: the branch's own commits, with a notice", async () => {
    const origin = newRepo();
    origin.commit("init", { "config/aws.ini": `[default]\naws_access_key_id = ${plant.awsOnMain}\n` });
    const clone = join(mkdtempSync(join(tmpdir(), "bulwark-e2e-force-")), "c");
    execFileSync("git", ["clone", "-q", origin.dir, clone], { env: gitEnv, stdio: "pipe" });
    gitIn(clone, "config", "user.email", "dev@example.test");
    gitIn(clone, "config", "user.name", "Dev");
    gitIn(clone, "checkout", "-q", "-b", "topic");
    writeFileSync(join(clone, "pay.ts"), `export const key = "${plant.stripeKept}";\n`);
    gitIn(clone, "add", "-A");
    gitIn(clone, "commit", "-q", "-m", "pay");
    const after = gitIn(clone, "rev-parse", "HEAD").trim();
    const run = await runAction(action, {
      workspace: clone,
      eventName: "push",
      event: { ref: "refs/heads/topic", before: "d".repeat(40), after, deleted: false, forced: true },
      inputs: { "json-file": "report.json" },
      env: { GITHUB_REF: "refs/heads/topic", GITHUB_SHA: after },
    });
    expect(run.stdout).toContain("force push: commits of");
    expect(ruleAt(run)).toEqual([["stripe-secret-key", "pay.ts", 1, after]]);
    expect(readFileSync(join(clone, "report.json"), "utf8")).toContain("scanned as a new branch instead");
    expectNoSecretLeaks(run, [join(clone, "report.json")]);
  });

  it("push: only the pushed commits (before..after), not what was there before", async () => {
    const repo = newRepo();
    const before = repo.commit("init", {
      "config/aws.ini": `[default]\naws_access_key_id = ${plant.awsOnMain}\n`,
    });
    repo.commit("docs", { "README.md": "# app\n" });
    const after = repo.commit("pay", { "src/pay.ts": `export const key = "${plant.stripeKept}";\n` });
    const run = await runAction(action, {
      workspace: repo.dir,
      eventName: "push",
      event: { ref: "refs/heads/main", before, after, created: false, deleted: false, forced: false },
      inputs: { "json-file": "report.json" },
      env: { GITHUB_REF: "refs/heads/main", GITHUB_SHA: after },
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`push: commits ${before.slice(0, 12)}..${after.slice(0, 12)}`);
    expect(ruleAt(run)).toEqual([["stripe-secret-key", "src/pay.ts", 1, after]]);
    expectNoSecretLeaks(run, [join(repo.dir, "report.json")]);
  });

  it("push of a new branch: only commits on no other remote branch", async () => {
    const origin = newRepo();
    origin.commit("init", { "config/aws.ini": `[default]\naws_access_key_id = ${plant.awsOnMain}\n` });
    const clone = join(mkdtempSync(join(tmpdir(), "bulwark-e2e-push-")), "c");
    execFileSync("git", ["clone", "-q", origin.dir, clone], { env: gitEnv, stdio: "pipe" });
    gitIn(clone, "config", "user.email", "dev@example.test");
    gitIn(clone, "config", "user.name", "Dev");
    gitIn(clone, "checkout", "-q", "-b", "topic");
    mkdirSync(join(clone, "src"));
    writeFileSync(join(clone, "src/pay.ts"), `export const key = "${plant.stripeKept}";\n`);
    gitIn(clone, "add", "-A");
    gitIn(clone, "commit", "-q", "-m", "pay");
    const after = gitIn(clone, "rev-parse", "HEAD").trim();
    const run = await runAction(action, {
      workspace: clone,
      eventName: "push",
      event: {
        ref: "refs/heads/topic",
        before: "0".repeat(40),
        after,
        created: true,
        deleted: false,
        forced: false,
      },
      inputs: { "json-file": "report.json" },
      env: { RUNNER_DEBUG: "1", GITHUB_REF: "refs/heads/topic", GITHUB_SHA: after },
    });
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("new branch");
    expect(ruleAt(run)).toEqual([["stripe-secret-key", "src/pay.ts", 1, after]]);
    expectNoSecretLeaks(run, [join(clone, "report.json")]);
  });
});
