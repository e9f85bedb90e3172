// Load: the committed bundles, run as the runner runs them (the e2e harness), on synthetic but realistic
// repositories far larger than the e2e tests use:
//  - osv-scan on a monorepo of 500 real lockfiles (../shared/lockfiles, cycled), offline database;
//  - secret-scan on a working tree of 200,000 files with 200 planted secrets;
//  - secret-scan on a history of 50,000 commits (written with git fast-import) with 100 planted secrets.
// Each reports wall time and the action's peak RSS, and checks the counts: every lockfile read (or named
// as unreadable), every file and commit scanned, every planted secret found. A count that does not add up
// fails the bench: nothing may be skipped silently.
// Run: pnpm --filter @bulwark/e2e bench   (STRESS_SCALE=0.1 for a quick pass at a tenth of the sizes)
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isSupportedPath } from "../../packages/lockfiles/src/index.js";
import { runAction, type ActionRun } from "../src/harness/run-action.js";

const SCALE = Number(process.env.STRESS_SCALE ?? "1");
const LOCKFILES = Math.round(500 * SCALE);
const TREE_FILES = Math.round(200_000 * SCALE);
const TREE_SECRETS = Math.round(200 * SCALE);
const COMMITS = Math.round(50_000 * SCALE);
const HISTORY_SECRETS = Math.round(100 * SCALE);

const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
const actionDir = (name: string) => fileURLToPath(new URL(`../../actions/${name}/`, import.meta.url));
// Prints the process's peak RSS (all threads) and CPU time on exit, where the harness collects stderr
// (the action's own process: git and other children are not counted).
// A file, as NODE_OPTIONS splits on spaces.
const PRELOAD_FILE = join(mkdtempSync(join(tmpdir(), "bulwark-stress-preload-")), "usage.cjs");
writeFileSync(
  PRELOAD_FILE,
  "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('stress-maxrss ' + u.maxRSS + ' cpu ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n",
);
const PRELOAD = `--require=${PRELOAD_FILE}`;

const UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const awsKey = () => `AKIA${Array.from(randomBytes(16), (b) => UPPER32[b % 32]).join("")}`;

interface Measured {
  run: ActionRun;
  seconds: number;
  rssMiB: number;
  cpuSeconds: number;
  report: {
    stats: Record<string, number>;
    findings: unknown[];
    problems: { level: string; message: string; path?: string }[];
  };
}

async function measure(action: string, workspace: string, inputs: Record<string, string>): Promise<Measured> {
  const started = performance.now();
  const run = await runAction(actionDir(action), {
    workspace,
    eventName: "workflow_dispatch",
    inputs: { ...inputs, "json-file": `.bulwark/${action}.json`, comment: "never" },
    env: { NODE_OPTIONS: PRELOAD },
    timeoutMs: 3_600_000,
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = /stress-maxrss (\d+) cpu (\d+)/.exec(run.stderr);
  if (!usage)
    throw new Error(`${action} did not run: ${run.stderr.slice(0, 2000)}\n${run.stdout.slice(-2000)}`);
  const report = JSON.parse(
    readFileSync(join(workspace, ".bulwark", `${action}.json`), "utf8"),
  ) as Measured["report"];
  return { run, seconds, rssMiB: Number(usage[1]) / 1024, cpuSeconds: Number(usage[2]) / 1e6, report };
}

const failures: string[] = [];
function expectCount(label: string, actual: number | undefined, expected: number): void {
  if (actual !== expected) failures.push(`${label}: ${actual} where ${expected} was expected`);
}

function print(label: string, m: Measured, counts: string): void {
  console.log(
    `${label.padEnd(44)} ${m.seconds.toFixed(1).padStart(7)} s wall ${m.cpuSeconds.toFixed(1).padStart(7)} s CPU ${m.rssMiB.toFixed(0).padStart(6)} MiB peak RSS  ${counts}`,
  );
}

function scratch(name: string): { root: string; workspace: string } {
  const root = mkdtempSync(join(tmpdir(), `bulwark-stress-${name}-`));
  const workspace = join(root, "repo");
  mkdirSync(workspace);
  return { root, workspace };
}

/** Real lockfiles with the names their tools give them (the part after the last "__"). */
function realLockfiles(): { path: string; name: string }[] {
  const dir = join(SHARED, "lockfiles");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name)).map((f) => ({ path: join(dir, d.name, f), name: f.split("__").pop()! })),
    )
    .filter((f) => isSupportedPath(f.name))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function monorepo(): Promise<void> {
  const { root, workspace } = scratch("monorepo");
  const sources = realLockfiles();
  for (let i = 0; i < LOCKFILES; i++) {
    const source = sources[i % sources.length]!;
    const dir = join(workspace, "packages", `p${String(i).padStart(3, "0")}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(source.path, join(dir, source.name));
  }
  const cache = join(root, "osv-cache");
  const inputs = {
    database: "offline",
    "osv-db-url": join(SHARED, "osv-db"),
    "database-cache": cache,
    "fail-on": "none",
  };
  await measure("osv-scan", workspace, inputs); // fills the database cache; the measured run reads it
  const m = await measure("osv-scan", workspace, inputs);
  const s = m.report.stats;
  expectCount(
    "osv-scan lockfiles read or named unreadable",
    s.lockfiles! + s["unreadable-files"]!,
    LOCKFILES,
  );
  const named = new Set(m.report.problems.map((p) => p.path).filter((p) => p !== undefined));
  expectCount(
    "osv-scan unreadable files named in problems",
    Math.min(named.size, s["unreadable-files"]!),
    s["unreadable-files"]!,
  );
  // fail-on none: only scan errors can fail the step, and each must be a named problem.
  const errors = m.report.problems.filter((p) => p.level === "error");
  expectCount("osv-scan exit code (1 only with scan errors)", m.run.exitCode, errors.length > 0 ? 1 : 0);
  for (const e of errors.slice(0, 5))
    console.log(`  osv-scan scan error: ${e.path ?? ""} ${e.message.slice(0, 200)}`);
  print(
    `osv-scan, ${LOCKFILES} lockfiles`,
    m,
    `${s.lockfiles} lockfiles, ${s["unreadable-files"]} unreadable, ${s.packages} packages, ${m.report.findings.length} findings`,
  );
  rmSync(root, { recursive: true, force: true });
}

async function bigTree(): Promise<void> {
  const { root, workspace } = scratch("tree");
  const every = Math.max(1, Math.floor(TREE_FILES / Math.max(1, TREE_SECRETS)));
  let planted = 0;
  for (let i = 0; i < TREE_FILES; i++) {
    const dir = join(workspace, "src", `m${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir, { recursive: true });
    const secret = i % every === 0 && planted < TREE_SECRETS;
    if (secret) planted++;
    writeFileSync(
      join(dir, `f${i}.ts`),
      `// module ${i}\nexport const id = ${i};\nexport function f${i}(x: number): number {\n  return x * ${i % 97};\n}\n` +
        (secret ? `export const awsKeyId = "${awsKey()}";\n` : ""),
    );
  }
  const m = await measure("secret-scan", workspace, { scan: "tree", "fail-on": "none" });
  const s = m.report.stats;
  expectCount("secret-scan tree files scanned", s.files! + (s.skipped ?? 0), TREE_FILES);
  expectCount("secret-scan tree files skipped", s.skipped ?? 0, 0);
  expectCount("secret-scan tree secrets found", m.report.findings.length, planted);
  print(
    `secret-scan tree, ${TREE_FILES} files`,
    m,
    `${s.files} files, ${((s.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB, ${m.report.findings.length} of ${planted} secrets, ${s.threads} threads`,
  );
  rmSync(root, { recursive: true, force: true });
}

async function longHistory(): Promise<void> {
  const { root, workspace } = scratch("history");
  const git = (args: string[], input?: string) =>
    execFileSync("git", args, {
      cwd: workspace,
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
      ...(input !== undefined ? { input } : {}),
      maxBuffer: 1 << 30,
    });
  git(["init", "-q", "-b", "main"]);
  // One stream for git fast-import: each commit changes one of 500 files; every so often one adds a key.
  const every = Math.max(1, Math.floor(COMMITS / Math.max(1, HISTORY_SECRETS)));
  const parts: string[] = [];
  let planted = 0;
  for (let i = 1; i <= COMMITS; i++) {
    const secret = i % every === 0 && planted < HISTORY_SECRETS;
    const path = secret ? `config/k${planted}.env` : `src/f${i % 500}.txt`;
    if (secret) planted++;
    const content = secret
      ? `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${awsKey()}\n`
      : `revision ${i}\nvalue = ${(i * 7919) % 100_003}\n`;
    const message = `change ${i}\n`;
    parts.push(
      `commit refs/heads/main\nmark :${i}\ncommitter Dev <dev@example.test> ${1_700_000_000 + i} +0000\n` +
        `data ${Buffer.byteLength(message)}\n${message}` +
        (i > 1 ? `from :${i - 1}\n` : "") +
        `M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`,
    );
  }
  const started = performance.now();
  git(["fast-import", "--quiet"], parts.join(""));
  git(["checkout", "-q", "main"]);
  const importSeconds = (performance.now() - started) / 1000;
  const m = await measure("secret-scan", workspace, { scan: "history", "fail-on": "none" });
  const s = m.report.stats;
  expectCount("secret-scan history commits scanned", s.commits, COMMITS);
  expectCount("secret-scan history secrets found", m.report.findings.length, planted);
  expectCount(
    "secret-scan history blobs skipped",
    (s.skippedBinary ?? 0) + (s.skippedTooLarge ?? 0) + (s.skippedByPath ?? 0),
    0,
  );
  print(
    `secret-scan history, ${COMMITS} commits`,
    m,
    `${s.commits} commits, ${s.files} file versions, ${m.report.findings.length} of ${planted} secrets (fast-import ${importSeconds.toFixed(1)} s)`,
  );
  rmSync(root, { recursive: true, force: true });
}

const node = spawnSync(process.execPath, ["--version"], { encoding: "utf8" }).stdout.trim();
console.log(`stress (scale ${SCALE}), node ${node}, each action run once as the runner runs it`);
await monorepo();
await bigTree();
await longHistory();
if (failures.length > 0) {
  console.error(`Counts that do not add up (something was skipped):\n- ${failures.join("\n- ")}`);
  process.exitCode = 1;
}
