// Side by side with secretlint (its recommended preset), on the same files: the corpus of corpus.ts
// (BENCH_PEER_MB of real files, default 30, plus one planted fake secret per built-in rule). secretlint
// is installed from npm into a temp dir at bench time (BENCH_SECRETLINT_DIR reuses an install; 11.x is
// its last line that runs on Node 20). secretlint runs through its CLI (node start included), we
// in-process with worker threads (their start included). Reports time, the speed ratio, which planted
// secrets each finds, and what each reports in the real files. Only paths, lines and rule ids are
// printed (secretlint masks its messages).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { scanDirectory } from "../src/scan-directory.js";
import { buildWorkerScript } from "../src/test-support/build-worker.js";
import { buildCorpus, mib } from "./corpus.js";

const PEER_BYTES = Number(process.env["BENCH_PEER_MB"] ?? 30) * 1024 * 1024;
const VERSION = process.env["BENCH_SECRETLINT_VERSION"] ?? "11";
/** BENCH_PEER_TEXT=1: source and text files only (secretlint reads binaries in full; we skip them). */
const TEXT_ONLY = process.env["BENCH_PEER_TEXT"] === "1" ? /\.(?:[cm]?[jt]sx?|json|md|ya?ml)$/ : undefined;

async function installSecretlint(): Promise<string> {
  const existing = process.env["BENCH_SECRETLINT_DIR"];
  if (existing) return existing;
  const dir = await mkdtemp(join(tmpdir(), "bulwark-secretlint-"));
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--silent",
      "--prefix",
      dir,
      `secretlint@${VERSION}`,
      `@secretlint/secretlint-rule-preset-recommend@${VERSION}`,
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  return dir;
}

interface PeerResult {
  seconds: number;
  /** Relative path -> rule ids reported there. */
  byPath: Map<string, Set<string>>;
}

function runSecretlint(install: string, tree: string): PeerResult {
  const rc = join(install, ".secretlintrc.json");
  const started = performance.now();
  const r = spawnSync(
    join(install, "node_modules", ".bin", "secretlint"),
    ["--secretlintrc", rc, "--format", "unix", "--no-color", "**/*"],
    { cwd: tree, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`secretlint failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const byPath = new Map<string, Set<string>>();
  for (const line of r.stdout.split("\n")) {
    const m = /^(.+?):\d+:\d+: .* \[\w+\/(.+)\]$/.exec(line);
    if (!m) continue;
    const rel = m[1]!.startsWith(tree) ? m[1]!.slice(tree.length + 1) : m[1]!;
    const rule = m[2]!.replace(/^.* > /, "").replace("@secretlint/secretlint-rule-", "");
    if (!byPath.has(rel)) byPath.set(rel, new Set());
    byPath.get(rel)!.add(rule);
  }
  return { seconds, byPath };
}

const tree = await mkdtemp(join(tmpdir(), "bulwark-secrets-peer-"));
let install: string | undefined;
try {
  const corpus = await buildCorpus(tree, PEER_BYTES, TEXT_ONLY);
  install = await installSecretlint();
  await writeFile(
    join(install, ".secretlintrc.json"),
    JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }),
  );
  const version = execFileSync(join(install, "node_modules", ".bin", "secretlint"), ["--version"], {
    encoding: "utf8",
  }).trim();
  console.log(
    `peer: ${corpus.files} ${TEXT_ONLY ? "text " : ""}files, ${mib(corpus.bytes)} MiB (${corpus.planted.size} planted); secretlint ${version}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  const workerScript = await buildWorkerScript(process.env["BULWARK_SECRETS_DIR"]);
  await scanDirectory(tree, { threads: 1, workerScript }); // page cache, as secretlint gets it second
  const started = performance.now();
  const ours = await scanDirectory(tree, { workerScript });
  const oursSeconds = (performance.now() - started) / 1000;
  const peer = runSecretlint(install, tree);

  const oursPlanted = new Set(
    ours.findings.map((f) => f.location!.path).filter((p) => corpus.planted.has(p)),
  );
  const peerPlanted = [...peer.byPath.keys()].filter((p) => corpus.planted.has(p));
  const peerOnly = peerPlanted.filter((p) => !oursPlanted.has(p)).map((p) => corpus.planted.get(p));
  const peerRules = new Map<string, number>();
  for (const p of peerPlanted)
    for (const r of peer.byPath.get(p)!) peerRules.set(r, (peerRules.get(r) ?? 0) + 1);
  const oursOutside = ours.findings.filter((f) => !corpus.planted.has(f.location!.path));
  const peerOutside = [...peer.byPath].filter(([p]) => !corpus.planted.has(p));
  const count = (list: string[]) => {
    const m = new Map<string, number>();
    for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
    return JSON.stringify(Object.fromEntries([...m].sort((a, b) => b[1] - a[1])));
  };
  console.log(
    `bulwark: ${oursSeconds.toFixed(2)} s (${ours.stats.threads} threads, ${mib(ours.stats.bytes)} MiB scanned); ` +
      `secretlint: ${peer.seconds.toFixed(2)} s; speed ratio ${(peer.seconds / oursSeconds).toFixed(1)}x`,
  );
  console.log(
    `planted (one per bulwark rule, ${corpus.planted.size}): bulwark finds ${oursPlanted.size}, secretlint ${peerPlanted.length} ` +
      `(its rules: ${count([...peerRules].flatMap(([r, n]) => Array<string>(n).fill(r)))}); found by secretlint only: ${JSON.stringify(peerOnly)}`,
  );
  console.log(
    `real files: bulwark ${oursOutside.length} findings ${count(oursOutside.map((f) => f.ruleId))}; ` +
      `secretlint ${peerOutside.length} files ${count(peerOutside.flatMap(([, rules]) => [...rules]))}`,
  );
  if (process.env["BENCH_VERBOSE"])
    for (const [p, rules] of peerOutside) console.log(`  secretlint: ${p} ${[...rules].join(",")}`);
} finally {
  await rm(tree, { recursive: true, force: true });
  if (install && !process.env["BENCH_SECRETLINT_DIR"]) await rm(install, { recursive: true, force: true });
}
