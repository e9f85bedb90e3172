// OSV's per-ecosystem exports (<base>/<Ecosystem>/all.zip): downloaded for the ecosystems a scan
// needs, cached, refreshed only when the server's CRC32C differs, indexed in memory.
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { fileURLToPath } from "node:url";
import { Crc32c, crc32cFromGoogHash, crc32cOfFile } from "../checksum/crc32c.js";
import { exportEcosystem } from "../records/ecosystem.js";
import { OsvIndex } from "../records/osv-index.js";
import type { OsvRecord, PackageQuery } from "../records/osv-record.js";
import { packageKey } from "../records/package-key.js";
import { fetchWithRetry, HttpError, type RetryOptions } from "./http-retry.js";
import type { SourceProblem, SourceResult, VulnerabilitySource } from "./vulnerability-source.js";

export const DEFAULT_EXPORT_BASE = "https://osv-vulnerabilities.storage.googleapis.com";

export interface OfflineSourceOptions {
  /** Export base: an http(s) URL, a file: URL or a local directory holding <Ecosystem>/all.zip. */
  base?: string;
  /**
   * Where downloaded zips are kept (required for http(s) bases), and each export's key file: which
   * entries name which package, so runs after the first read only the records they need.
   */
  cacheDir?: string;
  /**
   * "auto" (default): HEAD the export and download only when its CRC32C differs from the cached file's
   * (always when the server sends no CRC32C); if the server cannot be reached but a cached copy exists,
   * that copy is used and a warning problem says so. "never": use a cached file without asking the
   * server (download only when missing).
   */
  refresh?: "auto" | "never";
  retry?: RetryOptions;
}

/** What happened to one ecosystem's export: used by callers to log and by tests to observe caching. */
export interface ExportEvent {
  ecosystem: string;
  action: "downloaded" | "cached" | "stale" | "local" | "missing";
  path?: string;
}

export class OfflineSource implements VulnerabilitySource {
  readonly name = "osv-offline";
  readonly events: ExportEvent[] = [];
  private readonly base: string;
  private readonly local: string | undefined;
  private readonly indexes = new Map<string, Promise<OsvIndex | SourceProblem>>();
  private readonly warnings: SourceProblem[] = [];

  constructor(private readonly options: OfflineSourceOptions = {}) {
    this.base = (options.base ?? DEFAULT_EXPORT_BASE).replace(/\/+$/, "");
    this.local = /^https?:\/\//i.test(this.base)
      ? undefined
      : this.base.startsWith("file:")
        ? fileURLToPath(this.base)
        : this.base;
    if (!this.local && !options.cacheDir)
      throw new Error("OfflineSource: cacheDir is required for an http(s) base");
  }

  /** The loaded index for one export ecosystem (e.g. "PyPI", "Debian"), downloading it if needed. */
  async index(ecosystem: string): Promise<OsvIndex | SourceProblem> {
    let p = this.indexes.get(ecosystem);
    if (!p) {
      p = this.load(ecosystem);
      this.indexes.set(ecosystem, p);
      // A failure must not stick: the next query retries.
      p.catch(() => this.indexes.delete(ecosystem));
    }
    return p;
  }

  async query(packages: readonly PackageQuery[]): Promise<SourceResult> {
    const byExport = new Map<string, PackageQuery[]>();
    for (const pkg of packages) {
      const eco = exportEcosystem(pkg.ecosystem);
      const list = byExport.get(eco);
      if (list) list.push(pkg);
      else byExport.set(eco, [pkg]);
    }
    const candidates = new Map<string, OsvRecord[]>();
    const problems: SourceProblem[] = [];
    const drainWarnings = (): void => {
      problems.push(...this.warnings.splice(0));
    };
    // One ecosystem at a time keeps peak memory to one archive being indexed.
    for (const [eco, pkgs] of byExport) {
      const index = await this.index(eco);
      drainWarnings();
      if (!(index instanceof OsvIndex)) {
        problems.push({ ...index, packages: pkgs.map(packageKey) });
        continue;
      }
      await index.prepare(pkgs);
      for (const p of index.problems.splice(0)) {
        problems.push({ message: `${p.path}: ${p.message}`, packages: [], ecosystem: eco });
      }
      for (const pkg of pkgs) candidates.set(packageKey(pkg), index.candidates(pkg));
    }
    return { candidates, problems };
  }

  async records(ids: Iterable<string>): Promise<Map<string, OsvRecord>> {
    const wanted = [...ids];
    const out = new Map<string, OsvRecord>();
    for (const p of this.indexes.values()) {
      const index = await p.catch(() => undefined);
      if (!(index instanceof OsvIndex)) continue;
      const missing = wanted.filter((id) => !out.has(id));
      if (missing.length === 0) break;
      for (const [id, rec] of await index.fullRecords(missing)) out.set(id, rec);
    }
    return out;
  }

  private async load(ecosystem: string): Promise<OsvIndex | SourceProblem> {
    const path = await this.locate(ecosystem);
    if (typeof path !== "string") return path;
    // With a cache directory, which entries name which package is remembered there: later runs read
    // only the records of the packages they ask about.
    return this.options.cacheDir
      ? OsvIndex.openZip(path, join(this.options.cacheDir, "keys", `${encodeURIComponent(ecosystem)}.json`))
      : OsvIndex.fromZip(path);
  }

  /** The local path of an ecosystem's zip, fetched or refreshed as needed; a problem when there is none. */
  private async locate(ecosystem: string): Promise<string | SourceProblem> {
    if (this.local) {
      const path = join(this.local, ecosystem, "all.zip");
      if (!(await exists(path))) {
        this.events.push({ ecosystem, action: "missing", path });
        return {
          message: `no OSV export for ecosystem ${ecosystem}: ${path} does not exist`,
          packages: [],
          ecosystem,
        };
      }
      this.events.push({ ecosystem, action: "local", path });
      return path;
    }
    const url = `${this.base}/${encodeURIComponent(ecosystem)}/all.zip`;
    const dir = join(this.options.cacheDir!, ecosystem);
    const path = join(dir, "all.zip");
    const cached = await exists(path);
    if (cached && this.options.refresh === "never") {
      this.events.push({ ecosystem, action: "cached", path });
      return path;
    }
    try {
      return await this.refresh(ecosystem, url, dir, path, cached);
    } catch (err) {
      if (!cached) throw err;
      const { mtime } = await stat(path);
      this.events.push({ ecosystem, action: "stale", path });
      this.warnings.push({
        level: "warning",
        ecosystem,
        packages: [],
        message: `could not check ${url} for updates (${(err as Error).message}); using the cached copy from ${mtime.toISOString()}`,
      });
      return path;
    }
  }

  private async refresh(
    ecosystem: string,
    url: string,
    dir: string,
    path: string,
    cached: boolean,
  ): Promise<string | SourceProblem> {
    const head = await fetchWithRetry(url, { method: "HEAD" }, this.options.retry);
    if (head.status === 404) {
      this.events.push({ ecosystem, action: "missing" });
      return {
        message: `no OSV export for ecosystem ${ecosystem} at ${url} (HTTP 404)`,
        packages: [],
        ecosystem,
      };
    }
    if (!head.ok) throw new HttpError(`HEAD ${url}: HTTP ${head.status} ${head.statusText}`, head.status);
    const remoteCrc = crc32cFromGoogHash(head.headers.get("x-goog-hash"));
    if (cached && remoteCrc !== undefined && (await crc32cOfFile(path)) === remoteCrc) {
      this.events.push({ ecosystem, action: "cached", path });
      return path;
    }
    await mkdir(dir, { recursive: true });
    await download(url, path, remoteCrc, this.options.retry);
    this.events.push({ ecosystem, action: "downloaded", path });
    return path;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Streams `url` to `path` via a temporary file, checking the CRC32C the server announced. */
async function download(
  url: string,
  path: string,
  expectedCrc: string | undefined,
  retry?: RetryOptions,
): Promise<void> {
  const res = await fetchWithRetry(url, { method: "GET" }, retry);
  if (!res.ok || !res.body)
    throw new HttpError(`GET ${url}: HTTP ${res.status} ${res.statusText}`, res.status);
  const bodyCrc = crc32cFromGoogHash(res.headers.get("x-goog-hash")) ?? expectedCrc;
  const tmp = `${path}.${process.pid}.part`;
  const hash = new Crc32c();
  const body = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  body.on("data", (chunk: Buffer) => hash.update(chunk));
  try {
    await pipeline(body, createWriteStream(tmp));
    if (bodyCrc !== undefined && hash.digestBase64() !== bodyCrc) {
      throw new Error(
        `GET ${url}: CRC32C mismatch (got ${hash.digestBase64()}, server said ${bodyCrc}); download corrupt`,
      );
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
