// History throughput: scanHistory (git log -p streamed through the engine) over a synthetic repository
// of BENCH_COMMITS (default 10,000) commits built with git fast-import from real source files: each
// commit rewrites a few line ranges of 1-3 files with lines of other real files, every 1,000th commit
// adds a format-valid fake secret that the next commit deletes. BENCH_HISTORY_REPO=<path> also scans a
// real clone's full history (e.g. a fetched public repository). Run with `pnpm --filter @bulwark/secrets bench history`.
import { execFileSync, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { scanHistory } from "../../secret-scan/src/scan-history.js";
import { expandExample } from "../src/examples.js";
import { REPO, mib } from "./corpus.js";

const COMMITS = Number(process.env["BENCH_COMMITS"] ?? 10_000);
const SOURCE = /\.(?:[cm]?js|ts|json|md|ya?ml)$/;

/** Deterministic PRNG (mulberry32), so every run builds the same repository. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function sourceLines(limit: number): Promise<string[][]> {
  const out: string[][] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (out.length >= limit) return;
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== ".git") await walk(p);
      else if (e.isFile() && SOURCE.test(e.name) && !e.name.includes(".min.")) {
        const s = await stat(p);
        if (s.size < 2_000 || s.size > 200_000) continue;
        out.push((await readFile(p, "utf8")).split("\n").slice(0, 150));
      }
    }
  };
  await walk(join(REPO, "node_modules", ".pnpm"));
  return out;
}

/** Builds the repository; returns the planted commits' secrets for checking. */
async function buildRepo(dir: string): Promise<{ planted: string[]; bytes: number }> {
  execFileSync("git", ["init", "-q", "-b", "main", dir]);
  const pool = await sourceLines(1500);
  const random = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const files = new Map<string, string[]>();
  const paths = Array.from({ length: 400 }, (_, i) => `src/m${i % 20}/file${i}.js`);
  const git = spawn("git", ["fast-import", "--quiet", "--force"], {
    cwd: dir,
    stdio: ["pipe", "inherit", "inherit"],
  });
  const done = new Promise<void>((resolve, reject) =>
    git.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)))),
  );
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!git.stdin.write(s)) await new Promise((r) => git.stdin.once("drain", r));
  };
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const planted: string[] = [];
  let pending: { path: string; lines: string[] } | undefined;
  for (let c = 1; c <= COMMITS; c++) {
    const changes: string[] = [];
    const touch = (path: string, lines: string[]) => {
      files.set(path, lines);
      changes.push(`M 100644 inline ${path}\n${data(lines.join("\n"))}`);
    };
    if (pending) {
      touch(pending.path, pending.lines);
      pending = undefined;
    }
    const n = 1 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) {
      const path = pick(paths);
      const lines = [...(files.get(path) ?? pick(pool))];
      const at = Math.floor(random() * lines.length);
      const from = pick(pool);
      const start = Math.floor(random() * from.length);
      lines.splice(
        at,
        Math.floor(random() * 40),
        ...from.slice(start, start + 1 + Math.floor(random() * 40)),
      );
      touch(path, lines);
    }
    if (c % 1000 === 500) {
      const secret = expandExample("«raw:AKIA»«U:16»", `history-${c}`);
      const path = `config/deploy${c}.ini`;
      planted.push(secret);
      touch(path, ["[default]", `aws_access_key_id = ${secret}`, "region = eu-west-1"]);
      pending = { path, lines: ["[default]", "region = eu-west-1"] };
    }
    const when = 1_600_000_000 + c * 600;
    await write(
      `commit refs/heads/main\nmark :${c}\nauthor Dev <dev@example.test> ${when} +0000\ncommitter Dev <dev@example.test> ${when} +0000\n` +
        data(`change ${c}`) +
        (c > 1 ? `from :${c - 1}\n` : "") +
        changes.join(""),
    );
  }
  git.stdin.end();
  await done;
  execFileSync("git", ["reset", "-q", "--hard", "main"], { cwd: dir });
  return { planted, bytes };
}

async function measure(label: string, dir: string, expected?: string[]): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await scanHistory(dir, ["HEAD"]);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const s = result.stats;
  const found = expected ? expected.filter((x) => result.secretsForMasking.includes(x)).length : undefined;
  console.log(
    `${label}: ${s.commits} commits, ${s.files} file changes, ${mib(s.bytes)} MiB of added lines in ${seconds.toFixed(1)} s ` +
      `(this process ${((used.user + used.system) / 1e6).toFixed(1)} CPU-s, git log -p runs beside it); findings ${result.findings.length}` +
      (expected ? `, planted found ${found}/${expected.length}` : ""),
  );
}

const dir = await mkdtemp(join(tmpdir(), "bulwark-secrets-history-"));
try {
  const t0 = performance.now();
  const repo = await buildRepo(dir);
  console.log(
    `history: built ${COMMITS} commits (${mib(repo.bytes)} MiB fed to fast-import) in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  await measure(`history synthetic`, dir, repo.planted);
  const real = process.env["BENCH_HISTORY_REPO"];
  if (real) await measure(`history ${real}`, real);
} finally {
  await rm(dir, { recursive: true, force: true });
}
