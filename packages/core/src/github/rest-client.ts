// A small GitHub REST client over fetch: base URL from the runner, retries on 429/5xx, and errors
// that never echo the token or request headers.

export class GitHubApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "GitHubApiError";
  }
}

export interface RestClientOptions {
  apiUrl: string;
  token: string;
  /** Attempts for 429, 5xx and network errors. */
  attempts?: number;
  /** First backoff in ms; doubles each retry. */
  backoffMs?: number;
  /** Longest Retry-After we are willing to wait, in seconds. */
  maxRetryAfterSeconds?: number;
  userAgent?: string;
}

export interface RestResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RestClient {
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfter: number;

  constructor(private readonly options: RestClientOptions) {
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<RestResponse<T>> {
    const url = path.startsWith("http") ? path : `${this.options.apiUrl}${path}`;
    let lastError = "";
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            accept: "application/vnd.github+json",
            authorization: `Bearer ${this.options.token}`,
            "x-github-api-version": "2022-11-28",
            "user-agent": this.options.userAgent ?? "bulwark",
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        lastError = `network error: ${(error as Error).name}`;
        if (attempt < this.attempts) await sleep(this.backoffMs * 2 ** (attempt - 1));
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        lastError = `HTTP ${response.status}`;
        await response.body?.cancel();
        if (attempt < this.attempts) {
          const retryAfter = Number(response.headers.get("retry-after"));
          const wait =
            Number.isFinite(retryAfter) && retryAfter > 0
              ? Math.min(retryAfter, this.maxRetryAfter) * 1000
              : this.backoffMs * 2 ** (attempt - 1);
          await sleep(wait);
        }
        continue;
      }
      const text = await response.text();
      if (!response.ok) {
        let detail = "";
        try {
          detail = (JSON.parse(text) as { message?: string }).message ?? "";
        } catch {
          detail = "";
        }
        throw new GitHubApiError(
          `GitHub API ${method} ${path} failed: HTTP ${response.status}${detail ? ` (${detail.slice(0, 200)})` : ""}`,
          response.status,
        );
      }
      const data = (text ? JSON.parse(text) : undefined) as T;
      return { status: response.status, data, headers: response.headers };
    }
    throw new GitHubApiError(
      `GitHub API ${method} ${path} failed after ${this.attempts} attempts: ${lastError}`,
      0,
    );
  }

  /** Follows `Link: rel="next"` pages; stops at `maxPages` so a broken server cannot loop forever. */
  async paginate<T>(path: string, maxPages = 100): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = `${path}${path.includes("?") ? "&" : "?"}per_page=100`;
    for (let page = 0; next && page < maxPages; page++) {
      const response: RestResponse<T[]> = await this.request<T[]>("GET", next);
      items.push(...response.data);
      next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1];
    }
    return items;
  }
}
