// An HTTP proxy on 127.0.0.1 that sits in front of a real local server (the osv.dev API stand-in, the
// GitHub server) and breaks chosen requests the ways networks and overloaded services do: no answer
// (timeout), 429 with Retry-After, 5xx, a reset connection, a body cut off mid-way, a body that is not
// what it claims, or an HTML page where JSON belongs. Everything else is passed through unchanged, so
// what a client gets after its retries is the real server's answer.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type FaultKind =
  "timeout" | "rate-limit" | "server-error" | "reset" | "truncated" | "invalid-body" | "wrong-content-type";

export const FAULT_KINDS: readonly FaultKind[] = [
  "timeout",
  "rate-limit",
  "server-error",
  "reset",
  "truncated",
  "invalid-body",
  "wrong-content-type",
];

export interface FaultRule {
  kind: FaultKind;
  /** How many matching requests get the fault (default: every one). */
  times?: number;
  /** Only requests this accepts are affected (default: any). */
  match?: (req: { method: string; path: string }) => boolean;
  /** Retry-After for rate-limit (default "1"). */
  retryAfter?: string;
  /** Status for server-error (default 503). */
  status?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** When the proxy received it (ms since the epoch). */
  at: number;
  fault?: FaultKind;
  /** The status the client was sent (undefined for timeout and reset). */
  status?: number;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export class FaultProxy {
  readonly requests: ProxiedRequest[] = [];
  url = "";
  private readonly rules: (FaultRule & { left: number })[] = [];
  private readonly held = new Set<Socket>();
  private server?: Server;
  private readonly target: URL;

  /** `target` is the real server's base URL; the proxy's `url` keeps its path. */
  constructor(target: string) {
    this.target = new URL(target);
  }

  /** Adds rules; the first matching rule with faults left applies to a request. */
  inject(...rules: FaultRule[]): this {
    for (const r of rules) this.rules.push({ ...r, left: r.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  /** Drops every rule: from now on requests pass through. */
  heal(): this {
    this.rules.length = 0;
    return this;
  }

  faulted(kind?: FaultKind): ProxiedRequest[] {
    return this.requests.filter((r) => r.fault !== undefined && (kind === undefined || r.fault === kind));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end(`fault proxy: ${(error as Error).message}`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${port}${this.target.pathname.replace(/\/+$/, "")}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.held) socket.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private pick(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => r.left > 0 && (!r.match || r.match({ method, path })));
    if (rule) rule.left--;
    return rule;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const body = await readAll(req);
    const entry: ProxiedRequest = { method, path, at: Date.now() };
    this.requests.push(entry);
    const rule = this.pick(method, path);
    if (rule) entry.fault = rule.kind;
    const reply = (status: number, headers: Record<string, string | string[]>, data: Buffer | string) => {
      entry.status = status;
      res.writeHead(status, headers).end(data);
    };

    switch (rule?.kind) {
      case "timeout":
        // Hold the connection open and never answer; the client's own timeout must end the wait.
        this.held.add(req.socket);
        return;
      case "reset":
        req.socket.resetAndDestroy();
        return;
      case "rate-limit":
        return reply(
          429,
          { "content-type": "application/json", "retry-after": rule.retryAfter ?? "1" },
          '{"message":"API rate limit exceeded"}',
        );
      case "server-error":
        return reply(
          rule.status ?? 503,
          { "content-type": "text/html" },
          "<html><body><h1>503 Service Unavailable</h1></body></html>",
        );
      case "wrong-content-type":
        // A captive portal or misrouted proxy: success, but a page rather than the API's JSON.
        return reply(200, { "content-type": "text/html; charset=utf-8" }, "<!doctype html><p>Sign in</p>");
      default:
    }

    const upstream = await this.forward(req, body);
    const headers = { ...upstream.headers };
    delete headers["transfer-encoding"];
    delete headers["connection"];
    delete headers["keep-alive"];
    if (rule?.kind === "truncated") {
      // Promise the whole body, send half, and drop the connection.
      entry.status = upstream.status;
      res.writeHead(upstream.status, { ...headers, "content-length": String(upstream.body.length) });
      res.write(upstream.body.subarray(0, Math.max(1, upstream.body.length >> 1)));
      res.flushHeaders();
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    if (rule?.kind === "invalid-body") {
      // A well-formed HTTP response whose JSON ends half-way.
      const half = upstream.body.subarray(0, Math.max(1, upstream.body.length >> 1));
      return reply(upstream.status, { ...headers, "content-length": String(half.length) }, half);
    }
    reply(upstream.status, { ...headers, "content-length": String(upstream.body.length) }, upstream.body);
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    const headers = { ...req.headers, host: this.target.host };
    delete headers["content-length"];
    return new Promise((resolve, reject) => {
      const out = request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: req.method,
          path: req.url,
          headers: { ...headers, ...(body.length ? { "content-length": String(body.length) } : {}) },
        },
        (upstream) => {
          readAll(upstream).then(
            (data) =>
              resolve({
                status: upstream.statusCode ?? 502,
                headers: upstream.headers as Record<string, string | string[]>,
                body: data,
              }),
            reject,
          );
        },
      );
      out.on("error", reject);
      out.end(body);
    });
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
