import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expandExample, IgnoreList, type SecretRule } from "@bulwark/secrets";
import { buildWorkerScript } from "../../secrets/src/test-support/build-worker.js";
import { describe, expect, it } from "vitest";
import { ensureRange } from "./ensure-commits.js";
import { scanHistory } from "./scan-history.js";
import { gitIn, makeRepo } from "./test-support/git-repo.js";

const gh = expandExample("«raw:ghp»_«gh:30»", "history-gh");
const aws = expandExample("«raw:AKIA»«U:16»", "history-aws");
const stripe = expandExample("«raw:sk»_live_«a:32»", "history-stripe");
const pem = expandExample("«pem:RSA PRIVATE KEY»", "history-pem");

describe("scanHistory", () => {
  it("finds secrets added in any commit once, at the first commit, with exact lines, even when deleted later", async () => {
    const repo = makeRepo();
    repo.commit("init", { "README.md": "hello\n", "src/app.ts": "export const a = 1;\n" });
    const first = repo.commit(
      "add config",
      { "src/config.ts": `export const config = {\n  port: 8080,\n  token: "${gh}",\n};\n` },
      "Alice <alice@example.test>",
    );
    repo.commit("more", { "src/app.ts": `export const a = 1;\n\nconst k = "${gh}";\nexport const b = 2;\n` });
    const awsCommit = repo.commit("aws", { "deploy/.env": `PORT=1\nAWS_ACCESS_KEY_ID=${aws}\n` });
    repo.commit("oops, remove", { "deploy/.env": null });
    repo.commit("binary", { "img.bin": Buffer.from([0, 1, 2, 0, 255, 0]) });

    const result = await scanHistory(repo.dir, ["HEAD"]);
    const byRule = Object.fromEntries(result.findings.map((f) => [f.ruleId, f]));
    expect(Object.keys(byRule).sort()).toEqual(["aws-access-key-id", "github-personal-access-token"]);
    const ghFinding = byRule["github-personal-access-token"]!;
    expect(ghFinding.location).toMatchObject({ path: "src/config.ts", startLine: 3 });
    expect(ghFinding.properties).toMatchObject({
      commit: first,
      author: "Alice",
      date: "2024-01-02T10:00:00+00:00",
      occurrences: 2,
    });
    expect(byRule["aws-access-key-id"]!.location).toMatchObject({ path: "deploy/.env", startLine: 2 });
    expect(byRule["aws-access-key-id"]!.properties).toMatchObject({ commit: awsCommit });
    expect(result.stats).toMatchObject({ commits: 6, skippedBinary: 1, findings: 2 });
    expect(result.secretsForMasking.sort()).toEqual([aws, gh].sort());
    const serialised = JSON.stringify(result.findings);
    expect(serialised).not.toContain(gh);
    expect(serialised).not.toContain(aws);
  });

  it("scans only the range asked for, numbers lines within hunks, reads multi-line keys and odd file names", async () => {
    const repo = makeRepo();
    const base = repo.commit("init", { "old.txt": `k = "${gh}"\n` });
    repo.commit("changes", {
      "lib/pay.py": `import x\n\n\ndef f():\n    return "${stripe}"\n`,
      "keys/my key é.pem": `${pem}\n`,
    });
    const result = await scanHistory(repo.dir, [`${base}..HEAD`]);
    const got = result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.startLine]).sort();
    expect(got).toEqual([
      ["private-key-rsa", "keys/my key é.pem", 1],
      ["stripe-secret-key", "lib/pay.py", 5],
    ]);
  });

  it("reads only what a merge itself changed and keeps the finding on the branch commit", async () => {
    const repo = makeRepo();
    repo.commit("init", { "a.txt": "a\n" });
    repo.git("checkout", "-q", "-b", "feature");
    const onBranch = repo.commit("feature", { "b.ts": `const t = "${gh}";\n` });
    repo.git("checkout", "-q", "main");
    repo.commit("main work", { "c.txt": "c\n" });
    repo.git(
      "-c",
      "user.name=Dev",
      "-c",
      "user.email=dev@example.test",
      "merge",
      "-q",
      "--no-ff",
      "-m",
      "merge",
      "feature",
    );
    const result = await scanHistory(repo.dir, ["HEAD"]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.properties).toMatchObject({ commit: onBranch });
    // A clean merge introduced nothing of its own, so the secret was seen once.
    expect(result.findings[0]!.properties?.["occurrences"]).toBeUndefined();
  });

  it("does not charge a pull request that merged its base branch in with that branch's secrets; finds one written while resolving a conflict", async () => {
    const repo = makeRepo();
    repo.commit("init", { "conf.txt": "mode = a\n" });
    repo.git("checkout", "-q", "-b", "feature");
    repo.commit("feature work", { "f.txt": "f\n" });
    repo.git("checkout", "-q", "main");
    repo.commit("main adds a key", { "deploy/.env": `AWS_ACCESS_KEY_ID=${aws}\n` });
    const baseTip = repo.commit("main changes conf", { "conf.txt": "mode = main\n" });
    repo.git("checkout", "-q", "feature");
    repo.commit("feature changes conf", { "conf.txt": "mode = feature\n" });
    // "Update branch": merge the base in; the conflict is resolved by writing a token.
    try {
      repo.git("-c", "user.name=Dev", "-c", "user.email=dev@example.test", "merge", "-q", "main");
    } catch {
      // The conflict is expected.
    }
    repo.commit("merge main into feature", { "conf.txt": `mode = both\ntoken = "${gh}"\n` });
    const merge = repo.git("rev-parse", "HEAD").trim();
    const result = await scanHistory(repo.dir, [`${baseTip}..HEAD`]);
    expect(result.findings.map((f) => [f.ruleId, f.location?.path, f.location?.startLine])).toEqual([
      ["github-personal-access-token", "conf.txt", 2],
    ]);
    expect(result.findings[0]!.properties).toMatchObject({ commit: merge });
  });

  it("reads every commit of a long pull request (no cut-off at 30 or 250 commits)", async () => {
    const repo = makeRepo();
    const base = repo.commit("init", { "README.md": "hello\n" });
    // 400 commits in one git process: each rewrites a file; the 1st adds a key, the 2nd deletes it, the
    // 399th adds another.
    const blob = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    let stream = "";
    for (let i = 1; i <= 400; i++) {
      const content = i === 1 ? `KEY=${aws}\n` : i === 399 ? `token = "${gh}"\n` : `step ${i}\n`;
      const file = i === 1 || i === 2 ? "deploy/.env" : `work/${i % 7}.txt`;
      stream +=
        `commit refs/heads/main\ncommitter Dev <dev@example.test> ${1700000000 + i} +0000\n` +
        blob(`step ${i}`) +
        (i === 1 ? `from ${base}\n` : "") +
        (i === 2 ? `D ${file}\n` : `M 100644 inline ${file}\n${blob(content)}`);
    }
    execFileSync("git", ["fast-import", "--quiet"], { cwd: repo.dir, input: stream });
    expect(repo.git("rev-list", "--count", `${base}..main`).trim()).toBe("400");
    const result = await scanHistory(repo.dir, [`${base}..main`]);
    expect(result.stats.commits).toBe(400);
    expect(result.findings.map((f) => [f.ruleId, f.location?.path]).sort()).toEqual([
      ["aws-access-key-id", "deploy/.env"],
      ["github-personal-access-token", "work/0.txt"],
    ]);
  });

  it("fails with git's message on a bad range", async () => {
    const repo = makeRepo();
    repo.commit("init", { "a.txt": "a\n" });
    await expect(scanHistory(repo.dir, ["nope..HEAD"])).rejects.toThrow(/git log failed: .*nope/);
  });
});

describe("ensureRange", () => {
  function origin() {
    const repo = makeRepo("bulwark-secret-scan-origin-");
    const base = repo.commit("one", { "a.txt": "1\n" });
    repo.commit("two", { "a.txt": "2\n" });
    repo.commit("three", { "a.txt": "3\n" });
    const head = repo.commit("four", { "a.txt": "4\n" });
    return { repo, base, head };
  }
  function shallowClone(from: string): string {
    const dir = join(mkdtempSync(join(tmpdir(), "bulwark-secret-scan-clone-")), "c");
    execFileSync(
      "git",
      ["-c", "protocol.file.allow=always", "clone", "-q", "--depth=1", `file://${from}`, dir],
      {
        stdio: "pipe",
      },
    );
    return dir;
  }

  it("deepens a shallow clone from its remote until the base is reached", async () => {
    const { repo, base, head } = origin();
    const clone = shallowClone(repo.dir);
    expect(gitIn(clone, "rev-parse", "--is-shallow-repository").trim()).toBe("true");
    expect(await ensureRange(clone, base, head)).toEqual({ ok: true, fetched: true });
    expect((await scanHistory(clone, [`${base}..${head}`])).stats.commits).toBe(3);
  });

  it("says which fetch-depth is needed when there is no remote", async () => {
    const { repo, base, head } = origin();
    const clone = shallowClone(repo.dir);
    gitIn(clone, "remote", "remove", "origin");
    const outcome = await ensureRange(clone, base, head);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toContain(`commit ${base} is not in the clone`);
    expect(!outcome.ok && outcome.message).toContain("fetch-depth: 0");
  });

  it("with custom rules, scans on a worker whose watchdog gives up a stalling file change and goes on", async () => {
    const repo = makeRepo();
    repo.commit("init", { "README.md": "hello\n" });
    const ghCommit = repo.commit("token", { "a.env": `TOKEN=${gh}\n` });
    const stallCommit = repo.commit("stall", { "stall.txt": `${"a".repeat(40)}!\n` });
    repo.commit("aws", { "z.env": `KEY=${aws}\n` });
    const stalling: SecretRule = {
      id: "stalling-custom-rule",
      description: "custom",
      severity: "high",
      keywords: ["aaaa"],
      pattern: /(a+)+$/,
      examples: { tp: [], fp: [] },
    };
    const ignore = new IgnoreList().add(`${ghCommit}:a.env:github-personal-access-token:1\n`);
    const result = await scanHistory(repo.dir, ["HEAD"], {
      extraRules: [stalling],
      ignore,
      workerScript: await buildWorkerScript(),
      itemTimeoutMs: 400,
    });
    expect(result.problems).toEqual([
      expect.objectContaining({
        level: "error",
        path: "stall.txt",
        message: expect.stringContaining(`not scanned`) as unknown,
      }),
    ]);
    expect(result.problems[0]!.message).toContain(stallCommit.slice(0, 12));
    // The commit-prefixed ignore entry drops the token; the later commit is still scanned.
    expect(result.findings.map((f) => [f.ruleId, f.location?.path])).toEqual([
      ["aws-access-key-id", "z.env"],
    ]);
  }, 30_000);
});
