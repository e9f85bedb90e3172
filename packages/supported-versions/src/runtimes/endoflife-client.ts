// endoflife.date API v1 (GET {base}/api/v1/products/{product}), with a file cache so repeated runs and
// flaky networks do not turn into silent passes or failures.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface EolRelease {
  name: string;
  isEol?: boolean;
  eolFrom?: string | null;
  isLts?: boolean;
  label?: string;
}

interface ProductResponse {
  result?: { name?: string; releases?: EolRelease[] };
}

interface CacheEntry {
  fetchedAt: string;
  releases: EolRelease[];
}

export interface EndOfLifeClientOptions {
  baseUrl: string;
  cacheDir?: string;
  /** How long a cached answer is fresh. */
  maxAgeMs?: number;
  timeoutMs?: number;
  now?: Date;
}

export class EndOfLifeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EndOfLifeError";
  }
}

interface NetworkCause {
  code?: string;
  message?: string;
  errors?: NetworkCause[];
  cause?: NetworkCause;
}

/** fetch hides the socket error under `cause` (sometimes an AggregateError): find its code. */
function networkReason(error: unknown): string {
  if ((error as Error).name === "TimeoutError") return "timed out";
  let cause = (error as NetworkCause).cause;
  while (cause) {
    if (cause.code) return cause.code;
    if (cause.errors?.[0]?.code) return cause.errors[0].code;
    if (!cause.cause) return cause.message ?? "network error";
    cause = cause.cause;
  }
  return (error as Error).message;
}

export class EndOfLifeClient {
  constructor(private readonly options: EndOfLifeClientOptions) {}

  async releases(product: string): Promise<{ releases: EolRelease[]; fromCache: boolean; stale: boolean }> {
    const now = this.options.now ?? new Date();
    const cached = await this.readCache(product);
    const maxAge = this.options.maxAgeMs ?? 24 * 60 * 60 * 1000;
    if (cached && now.getTime() - Date.parse(cached.fetchedAt) < maxAge) {
      return { releases: cached.releases, fromCache: true, stale: false };
    }
    try {
      const releases = await this.fetchProduct(product);
      // A cache that cannot be written costs a request next time, not this answer.
      await this.writeCache(product, { fetchedAt: now.toISOString(), releases }).catch(() => undefined);
      return { releases, fromCache: false, stale: false };
    } catch (error) {
      // An old answer is better than none, and the caller says it is old.
      if (cached) return { releases: cached.releases, fromCache: true, stale: true };
      throw error;
    }
  }

  private async fetchProduct(product: string): Promise<EolRelease[]> {
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}/api/v1/products/${encodeURIComponent(product)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new EndOfLifeError(`cannot reach ${url} (${networkReason(error)})`);
    }
    if (!response.ok) throw new EndOfLifeError(`${url} answered HTTP ${response.status}`);
    let body: ProductResponse;
    try {
      body = (await response.json()) as ProductResponse;
    } catch {
      throw new EndOfLifeError(`${url} did not return JSON`);
    }
    const releases = body.result?.releases;
    if (!Array.isArray(releases)) throw new EndOfLifeError(`${url} returned no result.releases list`);
    return releases.filter((r): r is EolRelease => typeof r?.name === "string");
  }

  private cacheFile(product: string): string | undefined {
    return this.options.cacheDir
      ? join(this.options.cacheDir, `endoflife-${product.replace(/[^a-z0-9-]/gi, "_")}.json`)
      : undefined;
  }

  private async readCache(product: string): Promise<CacheEntry | undefined> {
    const file = this.cacheFile(product);
    if (!file) return undefined;
    try {
      const entry = JSON.parse(await readFile(file, "utf8")) as CacheEntry;
      return Array.isArray(entry.releases) && typeof entry.fetchedAt === "string" ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  private async writeCache(product: string, entry: CacheEntry): Promise<void> {
    const file = this.cacheFile(product);
    if (!file) return;
    await mkdir(this.options.cacheDir!, { recursive: true });
    await writeFile(file, JSON.stringify(entry), "utf8");
  }
}
