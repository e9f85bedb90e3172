// How fast osv-scan is, offline with the database already on disk (../shared/osv-db):
//  1. the whole action (the committed bundle, run as the runner runs it) on the largest real file in
//     ../shared/lockfiles and on a monorepo of 200 real lockfiles: seconds and peak RSS;
//  2. the scan of the largest file in process, with database loading timed apart, against just
//     reading and parsing that file (JSON.parse / TOML) - the floor any scanner pays.
// Run: pnpm --filter @bulwark/osv-scan bench
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { OfflineSource, type PackageQuery } from "@bulwark/osv";
import { extractFile, isSupportedPath } from "@bulwark/lockfiles";
import { parse as parseToml } from "smol-toml";
import { scanDependencies } from "../src/scan-dependencies.js";

const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));
const LOCKFILES = join(SHARED, "lockfiles");
const OSV_DB = join(SHARED, "osv-db");
const BUNDLE = fileURLToPath(new URL("../../../actions/osv-scan/dist/index.js", import.meta.url));
const MONOREPO_SIZE = 200;
const RUNS = 3;

/** Every real file with the name its tool gives it (the part after the last "__"). */
function realFiles(): Array<{ path: string; name: string; bytes: number }> {
  return readdirSync(LOCKFILES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(LOCKFILES, d.name)).map((f) => {
        const path = join(LOCKFILES, d.name, f);
        return { path, name: f.split("__").pop()!, bytes: statSync(path).size };
      }),
    )
    .sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs the action bundle on `workspace` like the runner does; wall seconds and peak RSS (MiB). */
function runAction(
  workspace: string,
  cache: string,
  lockfiles: string,
): {
  seconds: number;
  cpuSeconds: number;
  rssMiB: number;
  exitCode: number;
  findings: string;
  packages: string;
} {
  const files = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-runner-"));
  const output = join(files, "output");
  for (const f of ["output", "summary", "event.json"])
    writeFileSync(join(files, f), f === "event.json" ? "{}" : "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: files,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: "push",
    GITHUB_EVENT_PATH: join(files, "event.json"),
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: join(files, "summary"),
    RUNNER_TEMP: files,
    INPUT_DATABASE: "offline",
    "INPUT_OSV-DB-URL": OSV_DB,
    "INPUT_DATABASE-CACHE": cache,
    INPUT_COMMENT: "never",
    "INPUT_JSON-FILE": join(files, "osv.json"),
    "INPUT_FAIL-ON": "high",
    INPUT_LOCKFILES: lockfiles,
  };
  const preload =
    "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('bench-maxrss '+u.maxRSS+' cpu '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", preload, BUNDLE], {
    env,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - start) / 1000;
  const usage = /bench-maxrss (\d+) cpu (\d+)/.exec(child.stderr);
  if (!usage) throw new Error(`the action did not run: ${child.stderr.slice(0, 2000)}`);
  const outputs = readFileSync(output, "utf8");
  const findings = /^findings<<(\S+)\n([\s\S]*?)\n\1$/m.exec(outputs)?.[2] ?? "?";
  const packages = /"packages": (\d+)/.exec(readFileSync(join(files, "osv.json"), "utf8"))?.[1] ?? "?";
  rmSync(files, { recursive: true, force: true });
  return {
    seconds,
    cpuSeconds: Number(usage[2]) / 1e6,
    rssMiB: Number(usage[1]) / 1024,
    exitCode: child.status ?? -1,
    findings,
    packages,
  };
}

/** `lockfiles`: the file to read (SBOMs under generic names are not discovered), or "" to discover. */
function reportAction(label: string, workspace: string, lockfiles = ""): void {
  const cache = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-cache-"));
  // The first run fills the database cache (and the OS file cache); the measured runs find it there.
  const cold = runAction(workspace, cache, lockfiles);
  const runs = Array.from({ length: RUNS }, () => runAction(workspace, cache, lockfiles));
  const seconds = median(runs.map((r) => r.seconds));
  const cpu = median(runs.map((r) => r.cpuSeconds));
  const rss = Math.max(...runs.map((r) => r.rssMiB));
  console.log(
    `${label.padEnd(50)} ${seconds.toFixed(2).padStart(6)} s wall  ${cpu.toFixed(2).padStart(6)} s CPU  ${rss.toFixed(0).padStart(5)} MiB peak RSS  (exit ${runs[0]!.exitCode}, ${runs[0]!.packages} packages, ${runs[0]!.findings} findings; first run, filling the cache: ${cold.seconds.toFixed(2)} s, ${cold.rssMiB.toFixed(0)} MiB)`,
  );
  rmSync(cache, { recursive: true, force: true });
}

/** Reading and parsing the file, nothing else: the floor. */
function parseOnly(path: string): void {
  const text = readFileSync(path, "utf8");
  if (/\.json$/i.test(path)) JSON.parse(text);
  else if (/\.(lock|toml)$/i.test(path)) parseToml(text);
  else throw new Error(`no parse floor for ${path}`);
}

function timeSync(run: () => void, times = 15): number {
  run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

async function timeAsync(run: () => Promise<unknown>, times = 15): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

async function scanVersusParse(file: { path: string; name: string; bytes: number }): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-one-"));
  copyFileSync(file.path, join(root, file.name));
  // Database loading, apart: index every ecosystem the file needs once.
  const extracted = await extractFile(join(root, file.name), { root });
  const ecosystems = new Map<string, PackageQuery>();
  for (const p of extracted.packages)
    if (p.version) ecosystems.set(p.ecosystem, { ecosystem: p.ecosystem, name: p.name, version: p.version });
  // "Cached" as after any earlier run: the key files are in the cache directory.
  const cacheDir = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-keys-"));
  const coldStart = performance.now();
  await new OfflineSource({ base: OSV_DB, cacheDir }).query([...ecosystems.values()]);
  const coldMs = performance.now() - coldStart;
  const source = new OfflineSource({ base: OSV_DB, cacheDir });
  const loadStart = performance.now();
  await source.query(
    extracted.packages.map((p) => ({
      ecosystem: p.ecosystem,
      name: p.name,
      ...(p.version ? { version: p.version } : {}),
    })),
  );
  const loadMs = performance.now() - loadStart;
  const scanMs = await timeAsync(() => scanDependencies({ root, lockfiles: [file.name], source }));
  const parseMs = timeSync(() => parseOnly(file.path));
  const result = await scanDependencies({ root, lockfiles: [file.name], source });
  console.log(
    `${basename(file.path).slice(0, 70)} (${(file.bytes / 1e6).toFixed(2)} MB, ${result.stats?.packages} packages, ${[...ecosystems.keys()].join("/")}):\n` +
      `  database load ${loadMs.toFixed(0)} ms cached (${coldMs.toFixed(0)} ms the first time) | scan ${scanMs.toFixed(1)} ms | read+parse only ${parseMs.toFixed(1)} ms | ratio ${(scanMs / parseMs).toFixed(2)}x (target < 3x)`,
  );
  rmSync(root, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
}

/** Where the in-process scan of the monorepo spends its time (database cached). */
async function monorepoBreakdown(root: string): Promise<void> {
  const cacheDir = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-keys-"));
  await scanDependencies({ root, source: new OfflineSource({ base: OSV_DB, cacheDir }) });
  let extracted = 0;
  const start = performance.now();
  const result = await scanDependencies({
    root,
    source: new OfflineSource({ base: OSV_DB, cacheDir }),
    progress: () => (extracted ||= performance.now()),
  });
  const end = performance.now();
  console.log(
    `  in process: reading ${result.stats?.lockfiles} lockfiles ${((extracted - start) / 1000).toFixed(2)} s, database + matching + findings ${((end - extracted) / 1000).toFixed(2)} s (${result.stats?.packages} distinct packages)`,
  );
  rmSync(cacheDir, { recursive: true, force: true });
}

const files = realFiles();
const largest = files[0]!;
const largestLock = files.find((f) => /\.lock$/.test(f.name))!;

console.log(`osv-scan bench: node ${process.version}, offline database ${OSV_DB}\n`);
console.log("In process: the scan with the database loaded, against reading and parsing the same file");
await scanVersusParse(largest);
await scanVersusParse(largestLock);

console.log(`\nThe whole action (actions/osv-scan/dist), offline, median of ${RUNS} runs`);
const single = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-largest-"));
copyFileSync(largest.path, join(single, largest.name));
reportAction(
  `largest file: ${largest.name.slice(0, 30)} (${(largest.bytes / 1e6).toFixed(2)} MB)`,
  single,
  largest.name,
);
const singleLock = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-largest-lock-"));
copyFileSync(largestLock.path, join(singleLock, largestLock.name));
reportAction(
  `largest lockfile: ${basename(largestLock.path).slice(0, 30)} (${(largestLock.bytes / 1e6).toFixed(2)} MB)`,
  singleLock,
);

// A monorepo: 200 real lockfiles, the shared ones discovery finds by name (SBOMs under generic names
// are read only when listed) over and over, each in its own package folder.
const discoverable = files.filter((f) => isSupportedPath(f.name));
const mono = mkdtempSync(join(tmpdir(), "bulwark-osv-bench-mono-"));
let bytes = 0;
for (let i = 0; i < MONOREPO_SIZE; i++) {
  const f = discoverable[i % discoverable.length]!;
  mkdirSync(join(mono, `packages/p${String(i).padStart(3, "0")}`), { recursive: true });
  copyFileSync(f.path, join(mono, `packages/p${String(i).padStart(3, "0")}`, f.name));
  bytes += f.bytes;
}
reportAction(`monorepo: ${MONOREPO_SIZE} real lockfiles (${(bytes / 1e6).toFixed(1)} MB)`, mono);
await monorepoBreakdown(mono);
rmSync(single, { recursive: true, force: true });
rmSync(singleLock, { recursive: true, force: true });
rmSync(mono, { recursive: true, force: true });
