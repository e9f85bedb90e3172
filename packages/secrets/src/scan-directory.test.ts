import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandExample } from "./examples.js";
import { loadRepoSettings } from "./repo-settings.js";
import type { SecretRule } from "./rule.js";
import { scanDirectory, toScanResult } from "./scan-directory.js";
import { buildWorkerScript } from "./test-support/build-worker.js";

/** Secrets planted in the tree: [path, line, rule, secret]. */
type Plant = [string, number, string, string];

const secret = (template: string, salt: string) => expandExample(template, salt);
const gh = secret("«raw:ghp»_«gh:30»", "tree-gh");
const aws = secret("«raw:AKIA»«U:16»", "tree-aws");
const slack = secret("«raw:xoxb»-«d:12»-«d:13»-«a:24»", "tree-slack");
const stripe = secret("«raw:sk»_live_«a:32»", "tree-stripe");
const pem = secret("«pem:RSA PRIVATE KEY»", "tree-pem");
const pgPassword = secret("«a:18»", "tree-pg");
const jwt = secret("«jwt»", "tree-jwt");
const ignoredByGit = secret("«raw:ghp»_«gh:30»", "tree-gitignored");

const plants: Plant[] = [
  ["src/config.ts", 3, "github-personal-access-token", gh],
  ["deploy/.env", 2, "aws-access-key-id", aws],
  ["services/chat/bot.py", 5, "slack-bot-token", slack],
  ["services/pay/settings.yaml", 4, "stripe-secret-key", stripe],
  ["keys/deploy_key.pem", 1, "private-key-rsa", pem],
  ["docker-compose.yml", 6, "generic-postgres-url-password", pgPassword],
  ["web/api.js", 2, "generic-jwt", jwt],
];

let root: string;
let workerScript: string;

async function put(rel: string, text: string | Buffer) {
  await mkdir(dirname(join(root, rel)), { recursive: true });
  await writeFile(join(root, rel), text);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-secrets-tree-"));
  workerScript = await buildWorkerScript();
  execFileSync("git", ["init", "-q", root]);
  await put("src/config.ts", `export const config = {\n  port: 8080,\n  token: "${gh}",\n};\n`);
  await put("deploy/.env", `PORT=8080\nAWS_ACCESS_KEY_ID=${aws}\nAWS_REGION=eu-west-1\n`);
  await put("services/chat/bot.py", `import os\n\n\ndef client():\n    return Client("${slack}")\n`);
  await put("services/pay/settings.yaml", `pay:\n  provider: stripe\n  mode: live\n  key: ${stripe}\n`);
  await put("keys/deploy_key.pem", `${pem}\n`);
  await put(
    "docker-compose.yml",
    `services:\n  app:\n    image: app\n    environment:\n      LOG: info\n      DATABASE_URL: postgres://app:${pgPassword}@db:5432/app\n`,
  );
  await put("web/api.js", `// session\nconst session = "${jwt}";\n`);
  // Quiet: placeholders, lockfiles, binary, gitignored, documentation examples.
  await put(
    ".env.example",
    "GITHUB_TOKEN=${GITHUB_TOKEN}\nAPI_KEY=your_api_key_here\nDB_PASSWORD=changeme\n",
  );
  await put(
    "package-lock.json",
    `{"packages": {"node_modules/x": {"integrity": "sha512-${Buffer.alloc(64, 9).toString("base64")}", "token": "${gh}"}}}\n`,
  );
  await put("yarn.lock", `x@1:\n  integrity sha512-${Buffer.alloc(64, 3).toString("base64")}\n`);
  await put(
    "assets/logo.png",
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(gh)]),
  );
  await put(".gitignore", "build/\n*.log\n");
  await put("build/out.js", `const t = "${ignoredByGit}";\n`);
  await put("debug.log", `token ${ignoredByGit}\n`);
  await put("docs/setup.md", 'Set `GITHUB_TOKEN=<your token>` and `password: "********"`.\n');
  // Bulk so the worker path has enough files.
  for (let i = 0; i < 240; i++)
    await put(`lib/mod${i}.ts`, `export const v${i} = ${i};\n// no secrets here\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("scanDirectory", () => {
  for (const threads of [1, 2]) {
    it(`finds every planted secret with the right rule and line (${threads} thread(s))`, async () => {
      const result = await scanDirectory(root, { threads, workerScript, minFilesForWorkers: 10 });
      expect(result.stats.threads).toBe(threads);
      const got = result.findings.map((f) => [f.location?.path, f.location?.startLine, f.ruleId]);
      expect(got.sort()).toEqual(plants.map(([p, l, r]) => [p, l, r]).sort());
      for (const [, , , s] of plants) expect(result.secretsForMasking).toContain(s);
      for (const f of result.findings) expect(plants.map((p) => p[3])).toContain(f.secret);
      expect(result.problems).toEqual([]);
      expect(result.stats.skippedByReason).toMatchObject({ binary: 1, "allowlisted-path": 2 });
      expect(result.stats.files).toBeGreaterThan(240);
      // Nothing serialised ever carries a planted secret.
      const json = JSON.stringify([
        result.findings,
        result.stats,
        result.problems,
        toScanResult(result, "0.1.0"),
      ]);
      for (const [, , , s] of plants) expect(json).not.toContain(s);
      expect(json).not.toContain(ignoredByGit);
    });
  }

  it("gives the same result, in the same order, whichever thread claims which batch", async () => {
    const summary = (r: Awaited<ReturnType<typeof scanDirectory>>) => ({
      findings: r.findings.map((f) => [f.location?.path, f.location?.startLine, f.ruleId, f.fingerprint]),
      masks: r.secretsForMasking,
      files: r.stats.files,
      bytes: r.stats.bytes,
      skipped: r.stats.skippedByReason,
    });
    const one = summary(await scanDirectory(root, { threads: 1 }));
    // Batches of 3 files: dozens of batches claimed by this thread and the worker as each gets to them.
    for (let run = 0; run < 3; run++) {
      const two = await scanDirectory(root, {
        threads: 2,
        workerScript,
        minFilesForWorkers: 10,
        batchSize: 3,
      });
      expect(two.stats.threads).toBe(2);
      expect(summary(two)).toEqual(one);
    }
  });

  it("reports unreadable files as problems and goes on", async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    await put("secret/locked.env", `X=${gh}\n`);
    await chmod(join(root, "secret/locked.env"), 0o000);
    const result = await scanDirectory(root, { threads: 1 });
    expect(result.problems).toContainEqual(
      expect.objectContaining({ level: "error", path: "secret/locked.env" }),
    );
    await rm(join(root, "secret"), { recursive: true, force: true });
  });

  it("applies ignore files and a .gitleaks.toml from the repository", async () => {
    const tree = await mkdtemp(join(tmpdir(), "bulwark-secrets-settings-"));
    const internal = `acme_${secret("«l:24»", "acme")}`;
    await writeFile(join(tree, "a.env"), `TOKEN=${gh}\nOTHER=${aws}\nINTERNAL=${internal}\n`);
    await writeFile(join(tree, ".gitleaksignore"), "a.env:aws-access-key-id:2\n");
    await writeFile(
      join(tree, ".gitleaks.toml"),
      [
        "[extend]",
        "useDefault = true",
        "",
        "[[rules]]",
        'id = "acme-internal-token"',
        'description = "ACME internal token"',
        "regex = '''(?i)\\b(acme_[a-z0-9]{24})\\b'''",
        "secretGroup = 1",
        "entropy = 3.0",
        'keywords = ["acme_"]',
        "",
        "[allowlist]",
        "paths = ['''^vendor/''']",
        "",
      ].join("\n"),
    );
    const first = await scanDirectory(tree, { threads: 1 });
    await writeFile(join(tree, ".bulwark-secrets-ignore"), `${first.findings[0]!.fingerprint} # rotated\n`);
    await mkdir(join(tree, "vendor"));
    await writeFile(join(tree, "vendor/x.env"), `TOKEN=${gh}\n`);
    const settings = await loadRepoSettings(tree);
    expect(settings.problems.filter((p) => p.level !== "notice")).toEqual([]);
    expect(settings.files.sort()).toEqual([".bulwark-secrets-ignore", ".gitleaks.toml", ".gitleaksignore"]);
    const result = await scanDirectory(tree, { ...settings.options, threads: 1 });
    expect(result.findings.map((f) => [f.location?.path, f.ruleId, f.location?.startLine])).toEqual([
      ["a.env", "acme-internal-token", 3],
    ]);
    await rm(tree, { recursive: true, force: true });
  });

  it("bounds the time a custom rule may take on one file: the file is reported, the rest is scanned", async () => {
    const tree = await mkdtemp(join(tmpdir(), "bulwark-secrets-stall-"));
    await writeFile(join(tree, "a.env"), `TOKEN=${gh}\n`);
    await writeFile(join(tree, "stall.txt"), `${"a".repeat(40)}!\n`);
    await writeFile(join(tree, "z.env"), `KEY=${aws}\n`);
    // Exponential backtracking on "aaa...!": never finishes (the config loader would refuse this regex).
    const stalling: SecretRule = {
      id: "stalling-custom-rule",
      description: "custom",
      severity: "high",
      keywords: ["aaaa"],
      pattern: /(a+)+$/,
      examples: { tp: [], fp: [] },
    };
    const result = await scanDirectory(tree, {
      extraRules: [stalling],
      workerScript,
      fileTimeoutMs: 400,
      batchSize: 8,
    });
    expect(result.problems).toEqual([
      expect.objectContaining({
        level: "error",
        path: "stall.txt",
        message: expect.stringMatching(/not scanned/),
      }),
    ]);
    expect(result.findings.map((f) => [f.location?.path, f.ruleId]).sort()).toEqual([
      ["a.env", "github-personal-access-token"],
      ["z.env", "aws-access-key-id"],
    ]);
    await rm(tree, { recursive: true, force: true });
  });
});
