// The osv.dev API: POST /v1/querybatch (ids per package, paged), then GET /v1/vulns/{id} per distinct id.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { OsvRecord, PackageQuery } from "../records/osv-record.js";
import { packageKey } from "../records/package-key.js";
import { checkOsvRecord } from "../records/parse-record.js";
import { mapBounded } from "./bounded-map.js";
import { fetchReadWithRetry, HttpError, readJsonBody, type RetryOptions } from "./http-retry.js";
import type { SourceProblem, SourceResult, VulnerabilitySource } from "./vulnerability-source.js";

export const DEFAULT_API_BASE = "https://api.osv.dev";
/** osv.dev rejects batches of more than 1,000 queries. */
export const MAX_BATCH_QUERIES = 1000;
/** A server handing out page tokens forever must not hang a scan. */
const MAX_PAGES = 10_000;

export interface OnlineSourceOptions {
  baseUrl?: string;
  /** Queries per querybatch request, at most 1,000. */
  batchSize?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Directory caching full records by id (reused while `modified` is unchanged). */
  cacheDir?: string;
  retry?: RetryOptions;
}

/** The wire shape of one querybatch query. */
export interface ApiQuery {
  package?: { name: string; ecosystem: string };
  version?: string;
  commit?: string;
  page_token?: string;
}

interface ApiBatchResponse {
  results?: Array<{ vulns?: Array<{ id: string; modified?: string }>; next_page_token?: string }>;
}

export class OnlineSource implements VulnerabilitySource {
  readonly name = "osv-api";
  /** Requests made, for callers' logs and benchmarks. */
  readonly stats = { batchRequests: 0, vulnRequests: 0, diskCacheHits: 0 };
  private readonly base: string;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly memory = new Map<string, OsvRecord>();

  constructor(private readonly options: OnlineSourceOptions = {}) {
    this.base = (options.baseUrl ?? DEFAULT_API_BASE).replace(/\/+$/, "");
    this.batchSize = Math.min(MAX_BATCH_QUERIES, Math.max(1, options.batchSize ?? MAX_BATCH_QUERIES));
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /** The API query for a package: by package and version, or by commit for GIT pseudo-packages. */
  static toApiQuery(pkg: PackageQuery): ApiQuery {
    if (pkg.ecosystem === "GIT") return { commit: pkg.commit ?? "" };
    const q: ApiQuery = { package: { name: pkg.name, ecosystem: pkg.ecosystem } };
    if (pkg.version !== undefined) q.version = pkg.version;
    else if (pkg.commit !== undefined) q.commit = pkg.commit;
    return q;
  }

  async query(packages: readonly PackageQuery[]): Promise<SourceResult> {
    const unique = new Map<string, PackageQuery>();
    const problems: SourceProblem[] = [];
    for (const p of packages) {
      if (p.ecosystem === "GIT" && p.commit === undefined) {
        problems.push({
          message: `${p.name}: a GIT package needs a commit to query`,
          packages: [packageKey(p)],
          ecosystem: "GIT",
        });
      } else unique.set(packageKey(p), p);
    }
    const keys = [...unique.keys()];
    const queries = keys.map((k) => OnlineSource.toApiQuery(unique.get(k)!));
    const found = keys.map(() => new Map<string, string | undefined>());

    let pending = queries.map((q, i) => ({ i, q }));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_PAGES) {
        throw new Error(`${this.base}/v1/querybatch: still paging after ${MAX_PAGES} pages; giving up`);
      }
      const batches: Array<typeof pending> = [];
      for (let s = 0; s < pending.length; s += this.batchSize)
        batches.push(pending.slice(s, s + this.batchSize));
      const next: typeof pending = [];
      await mapBounded(batches, this.concurrency, async (batch) => {
        const res = await this.post(batch.map((b) => b.q));
        batch.forEach((b, j) => {
          const r = res[j]!;
          for (const v of r.vulns ?? []) found[b.i]!.set(v.id, v.modified);
          if (r.next_page_token)
            next.push({ i: b.i, q: { ...queries[b.i]!, page_token: r.next_page_token } });
        });
      });
      pending = next.sort((a, b) => a.i - b.i);
    }

    const modifiedById = new Map<string, string | undefined>();
    for (const f of found) for (const [id, m] of f) modifiedById.set(id, m);
    const records = await this.fetchRecords(modifiedById);
    const candidates = new Map<string, OsvRecord[]>();
    keys.forEach((k, i) =>
      candidates.set(
        k,
        [...found[i]!.keys()].map((id) => records.get(id)!),
      ),
    );
    return { candidates, problems };
  }

  async records(ids: Iterable<string>): Promise<Map<string, OsvRecord>> {
    return this.fetchRecords(new Map([...ids].map((id) => [id, undefined])));
  }

  private async post(queries: ApiQuery[]): Promise<NonNullable<ApiBatchResponse["results"]>> {
    const url = `${this.base}/v1/querybatch`;
    this.stats.batchRequests++;
    const body = (await fetchReadWithRetry(
      url,
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ queries }) },
      this.options.retry ?? {},
      (res) => readJson(res, "POST", url),
    )) as ApiBatchResponse;
    const results = body.results ?? [];
    if (results.length !== queries.length) {
      throw new Error(
        `POST ${url}: ${results.length} results for ${queries.length} queries; refusing to guess`,
      );
    }
    return results;
  }

  private async fetchRecords(wanted: Map<string, string | undefined>): Promise<Map<string, OsvRecord>> {
    const out = new Map<string, OsvRecord>();
    const missing: string[] = [];
    for (const [id, modified] of wanted) {
      const rec = this.memory.get(id);
      if (rec && (modified === undefined || rec.modified === modified)) out.set(id, rec);
      else missing.push(id);
    }
    await mapBounded(missing, this.concurrency * 2, async (id) => {
      const rec = (await this.fromDisk(id, wanted.get(id))) ?? (await this.get(id));
      this.memory.set(id, rec);
      out.set(id, rec);
    });
    return out;
  }

  private async get(id: string): Promise<OsvRecord> {
    const url = `${this.base}/v1/vulns/${encodeURIComponent(id)}`;
    this.stats.vulnRequests++;
    const json = await fetchReadWithRetry(url, { method: "GET" }, this.options.retry ?? {}, (res) =>
      readJson(res, "GET", url),
    );
    let rec: OsvRecord;
    try {
      rec = checkOsvRecord(json, url);
    } catch (err) {
      throw new Error(`GET ${url}: ${(err as Error).message}`);
    }
    const text = JSON.stringify(json);
    if (this.options.cacheDir) {
      await mkdir(this.options.cacheDir, { recursive: true });
      const path = this.diskPath(id);
      await writeFile(`${path}.part`, text);
      await rename(`${path}.part`, path);
    }
    return rec;
  }

  private diskPath(id: string): string {
    return join(this.options.cacheDir!, `${id.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
  }

  private async fromDisk(id: string, modified: string | undefined): Promise<OsvRecord | undefined> {
    if (!this.options.cacheDir || modified === undefined) return undefined;
    try {
      const rec = checkOsvRecord(JSON.parse(await readFile(this.diskPath(id), "utf8")), id);
      if (rec.modified !== modified) return undefined;
      this.stats.diskCacheHits++;
      return rec;
    } catch {
      return undefined;
    }
  }
}

/** The JSON of a success response; a refusal (4xx) is thrown as is, quoting what the server said. */
async function readJson(res: Response, method: string, url: string): Promise<unknown> {
  if (!res.ok) {
    const text = await res.text();
    throw new HttpError(`${method} ${url}: HTTP ${res.status}: ${text.slice(0, 300)}`, res.status);
  }
  return readJsonBody(res);
}
