// HTTP with retries: 429 (honouring Retry-After), 5xx, timeouts and network errors are retried with
// exponential backoff; after the last attempt the error says what was tried and what came back.

export interface RetryOptions {
  /** Attempts in all, including the first. Default 5. */
  attempts?: number;
  /** First backoff delay in ms, doubled each retry. Default 500. */
  baseDelayMs?: number;
  /** Longest single wait, including Retry-After. Default 30 s. */
  maxDelayMs?: number;
  /** Per-request timeout in ms. Default 60 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** Retry-After as a delay in ms: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const secs = Number(header.trim());
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Fetches `url`, retrying what may pass. Returns the first response that is not retryable
 * (2xx, or a 4xx other than 429, which callers judge); throws HttpError when attempts run out.
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  options: RetryOptions = {},
): Promise<Response> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const timeout = options.timeoutMs ?? 60_000;
  const doFetch = options.fetch ?? fetch;
  let last = "";
  let lastStatus: number | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = Math.min(maxDelay, base * 2 ** (attempt - 1));
    try {
      const res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeout) });
      if (res.status !== 429 && res.status < 500) return res;
      lastStatus = res.status;
      last = `HTTP ${res.status} ${res.statusText}`.trim();
      const after = retryAfterMs(res.headers.get("retry-after"));
      if (after !== undefined) wait = Math.min(maxDelay, after);
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      const e = err as Error;
      last = e.name === "TimeoutError" ? `timed out after ${timeout} ms` : `${e.message}${causeOf(e)}`;
      lastStatus = undefined;
    }
    if (attempt < attempts) await sleep(wait);
  }
  throw new HttpError(
    `${init.method ?? "GET"} ${url} failed after ${attempts} attempts: ${last}`,
    lastStatus,
  );
}

function causeOf(e: Error): string {
  const cause = (e as { cause?: { message?: string; code?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message ?? ""})` : "";
}
