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
 * A body the server sent with a success status that cannot be used: cut off mid-way, not JSON, an HTML
 * page where JSON belongs. Thrown by a `read` callback, it makes fetchJsonWithRetry try again.
 */
export class BadBodyError extends Error {
  override name = "BadBodyError";
}

/**
 * Fetches `url`, retrying what may pass. Returns the first response that is not retryable
 * (2xx, or a 4xx other than 429, which callers judge); throws HttpError when attempts run out.
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit,
  options: RetryOptions = {},
): Promise<Response> {
  return fetchReadWithRetry(url, init, options, (res) => Promise.resolve(res));
}

/**
 * Fetches and reads `url`: `read` turns the response into a value; a BadBodyError from it (or a body that
 * stops arriving) counts as one more failed attempt, like a 5xx. Other errors from `read` end the call.
 */
export async function fetchReadWithRetry<T>(
  url: string,
  init: RequestInit,
  options: RetryOptions,
  read: (res: Response) => Promise<T>,
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const timeout = options.timeoutMs ?? 60_000;
  const doFetch = options.fetch ?? fetch;
  let last = "";
  let lastStatus: number | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait = Math.min(maxDelay, base * 2 ** (attempt - 1));
    let res: Response | undefined;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeout) });
      if (res.status !== 429 && res.status < 500) return await read(res);
      lastStatus = res.status;
      last = `HTTP ${res.status} ${res.statusText}`.trim();
      const after = retryAfterMs(res.headers.get("retry-after"));
      if (after !== undefined) wait = Math.min(maxDelay, after);
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      const e = err as Error;
      if (res && !(e instanceof BadBodyError) && !isBodyReadError(e)) throw e;
      lastStatus = res?.status;
      last =
        e.name === "TimeoutError"
          ? `timed out after ${timeout} ms`
          : e instanceof BadBodyError
            ? e.message
            : res
              ? `HTTP ${res.status} body cut off (${e.message}${causeOf(e)})`
              : `${e.message}${causeOf(e)}`;
    }
    if (attempt < attempts) await sleep(wait);
  }
  throw new HttpError(
    `${init.method ?? "GET"} ${url} failed after ${attempts} attempts: ${last}`,
    lastStatus,
  );
}

/** Reads a success body as JSON, or says (as a BadBodyError) what came instead. */
export async function readJsonBody(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    const type = res.headers.get("content-type") ?? "no content-type";
    throw new BadBodyError(
      `HTTP ${res.status} with a body that is not JSON (${type}, ${text.length} bytes: ${JSON.stringify(text.slice(0, 60))})`,
    );
  }
}

/** undici's errors for a body that stopped arriving (connection dropped, timeout while reading). */
function isBodyReadError(e: Error): boolean {
  return (
    e.name === "TimeoutError" ||
    e.name === "AbortError" ||
    (e instanceof TypeError && e.message === "terminated")
  );
}

function causeOf(e: Error): string {
  const cause = (e as { cause?: { message?: string; code?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message ?? ""})` : "";
}
