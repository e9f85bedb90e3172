// A small GitHub REST client over fetch: base URL from the runner, retries on 429/5xx, secondary rate
// limits, dropped connections and success bodies that are not JSON, and errors that never echo the token
// or request headers.
import { nextPageUrl } from "./pagination.js";

export const GITHUB_API_VERSION = "2022-11-28";
export const DEFAULT_API_URL = "https://api.github.com";

export class GitHubApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no response came back (network errors, retries exhausted on 5xx). */
    readonly status: number,
  ) {
    super(message);
    this.name = "GitHubApiError";
  }
}

export interface RestClientOptions {
  /** GITHUB_API_URL; GitHub Enterprise Server and test servers put a path or port here. */
  apiUrl?: string;
  token: string;
  /** Attempts for 429, 5xx, rate-limited 403 and network errors (default 4). */
  attempts?: number;
  /** First backoff in ms; doubles each retry (default 500). */
  backoffMs?: number;
  /** Longest single wait we accept from Retry-After or a rate-limit reset, in seconds (default 60). */
  maxRetryAfterSeconds?: number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
  userAgent?: string;
  /** Injected for tests that must not sleep; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RestResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RestClient {
  readonly apiUrl: string;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: RestClientOptions) {
    this.apiUrl = (options.apiUrl || DEFAULT_API_URL).replace(/\/+$/, "");
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.backoffMs = options.backoffMs ?? 500;
    this.maxWaitMs = (options.maxRetryAfterSeconds ?? 60) * 1000;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** `path` is relative to the API URL, or an absolute URL on the same host (pagination links). */
  async request<T>(method: string, path: string, body?: unknown): Promise<RestResponse<T>> {
    const url = this.resolve(path);
    const where = `${method} ${new URL(url).pathname}`;
    let lastProblem = "";
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      const backoff = this.backoffMs * 2 ** (attempt - 1);
      const last = attempt === this.attempts;
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            accept: "application/vnd.github+json",
            authorization: `Bearer ${this.options.token}`,
            "x-github-api-version": GITHUB_API_VERSION,
            "user-agent": this.options.userAgent ?? "bulwark",
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        // Only the error's kind: fetch's messages can carry the URL, and causes can carry headers.
        lastProblem = `network error (${(error as Error).name})`;
        if (!last) await this.sleep(backoff);
        continue;
      }
      const wait = this.retryWait(response, backoff);
      if (wait !== undefined) {
        lastProblem = `HTTP ${response.status}`;
        await response.body?.cancel();
        if (!last) await this.sleep(wait);
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        // The connection dropped (or the timeout fired) while the body was arriving: retry like a 5xx.
        lastProblem = `HTTP ${response.status} with a body cut off (${(error as Error).name})`;
        if (!last) await this.sleep(backoff);
        continue;
      }
      if (!response.ok) {
        // GitHub's message is quoted for the reader; a proxy or test server could echo anything, so the
        // token is cut out of it all the same.
        const detail = describeError(text)
          .split(this.options.token || "\u0000")
          .join("***");
        throw new GitHubApiError(
          `GitHub API ${where} failed: HTTP ${response.status}${detail}`,
          response.status,
        );
      }
      let data: T;
      try {
        data = (text ? JSON.parse(text) : undefined) as T;
      } catch {
        // A success that is not GitHub's JSON (a proxy's page, a body cut short) may pass on a retry.
        const type = response.headers.get("content-type") ?? "no content-type";
        lastProblem = `HTTP ${response.status} with a body that is not JSON (${type.split(";")[0]})`;
        if (!last) await this.sleep(backoff);
        continue;
      }
      return { status: response.status, data, headers: response.headers };
    }
    throw new GitHubApiError(`GitHub API ${where} failed after ${this.attempts} attempts: ${lastProblem}`, 0);
  }

  /** Follows `Link: rel="next"` pages; more than `maxPages` (default 500 = 50,000 items) is an error, never a silent cut, and stops a broken server looping forever. */
  async paginate<T>(path: string, maxPages = 500): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = `${path}${path.includes("?") ? "&" : "?"}per_page=100`;
    for (let page = 0; next; page++) {
      if (page === maxPages)
        throw new GitHubApiError(`GitHub API GET ${path}: more than ${maxPages} pages, stopped`, 0);
      const response: RestResponse<T[]> = await this.request<T[]>("GET", next);
      if (!Array.isArray(response.data))
        throw new GitHubApiError(`GitHub API GET ${path} did not return a list`, response.status);
      items.push(...response.data);
      next = nextPageUrl(response.headers.get("link"));
    }
    return items;
  }

  private resolve(path: string): string {
    if (!/^https?:\/\//.test(path)) return `${this.apiUrl}${path.startsWith("/") ? "" : "/"}${path}`;
    // Never send the token to a host other than the API's, whatever a Link header says.
    if (new URL(path).origin !== new URL(this.apiUrl).origin)
      throw new GitHubApiError(`GitHub API returned a link to another host (${new URL(path).host})`, 0);
    return path;
  }

  /** How long to wait before retrying this response, or undefined when it is final. */
  private retryWait(response: Response, backoff: number): number | undefined {
    const { status, headers } = response;
    const retryAfter = parseRetryAfter(headers.get("retry-after"));
    // Secondary rate limits come back as 403 with Retry-After or an exhausted primary quota.
    const rateLimited =
      status === 429 ||
      (status === 403 && (retryAfter !== undefined || headers.get("x-ratelimit-remaining") === "0"));
    if (!rateLimited && status < 500) return undefined;
    if (retryAfter !== undefined) return Math.min(retryAfter, this.maxWaitMs);
    const reset = Number(headers.get("x-ratelimit-reset"));
    if (headers.get("x-ratelimit-remaining") === "0" && Number.isFinite(reset) && reset > 0)
      return Math.min(Math.max(0, reset * 1000 - Date.now()), this.maxWaitMs);
    return Math.min(backoff, this.maxWaitMs);
  }
}

/** Retry-After is either seconds or an HTTP date; returns milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeError(text: string): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    return typeof message === "string" && message ? ` (${message.slice(0, 200)})` : "";
  } catch {
    return "";
  }
}
