// A local GitHub REST server for end-to-end tests: the endpoints Bulwark calls, with in-memory state
// and a request log, so tests assert the requests really made. Behaviour follows GitHub's REST docs:
// Link-header pagination, 401 without a valid token, 403 for a read-only token on writes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  authorization?: string;
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
}

export interface StoredSarif {
  id: string;
  commitSha: string;
  ref: string;
  toolName?: string;
  checkoutUri?: string;
  sarif: unknown;
}

export interface GitHubServerOptions {
  owner?: string;
  repo?: string;
  /** Tokens allowed to write. */
  writeTokens?: string[];
  /** Tokens allowed to read only (writes get 403, as on fork pull requests). */
  readTokens?: string[];
  releases?: {
    tag_name: string;
    name?: string;
    draft?: boolean;
    prerelease?: boolean;
    published_at?: string;
  }[];
  tags?: { name: string; sha: string }[];
}

export class GitHubServer {
  readonly requests: LoggedRequest[] = [];
  readonly comments: StoredComment[] = [];
  readonly sarifUploads: StoredSarif[] = [];
  private nextId = 1000;
  private server?: Server;
  url = "";

  constructor(private readonly options: GitHubServerOptions = {}) {}

  get owner(): string {
    return this.options.owner ?? "octo";
  }
  get repo(): string {
    return this.options.repo ?? "app";
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const text = await readBody(req);
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return send(res, 400, { message: "Problems parsing JSON" });
      }
    }
    const method = req.method ?? "GET";
    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(body !== undefined ? { body } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });

    const token = /^(?:Bearer|token) (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const canWrite = token !== undefined && (this.options.writeTokens ?? []).includes(token);
    const canRead = canWrite || (token !== undefined && (this.options.readTokens ?? []).includes(token));
    if (!canRead) return send(res, 401, { message: "Bad credentials" });
    const write = method !== "GET";
    if (write && !canWrite) return send(res, 403, { message: "Resource not accessible by integration" });

    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!url.pathname.startsWith(`${prefix}/`)) return send(res, 404, { message: "Not Found" });
    const route = url.pathname.slice(prefix.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(route))) {
      const issue = Number(m[1]);
      if (method === "GET") {
        return this.page(
          res,
          url,
          this.comments.filter((c) => c.issue === issue).map((c) => this.commentJson(c)),
        );
      }
      if (method === "POST") {
        const comment = { id: this.nextId++, issue, body: String((body as { body?: unknown })?.body ?? "") };
        if (!comment.body) return send(res, 422, { message: "Validation Failed" });
        this.comments.push(comment);
        return send(res, 201, this.commentJson(comment));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(route)) && method === "PATCH") {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return send(res, 404, { message: "Not Found" });
      comment.body = String((body as { body?: unknown })?.body ?? "");
      return send(res, 200, this.commentJson(comment));
    }
    if (route === "/code-scanning/sarifs" && method === "POST") {
      const b = body as {
        commit_sha?: string;
        ref?: string;
        sarif?: string;
        tool_name?: string;
        checkout_uri?: string;
      };
      if (!b?.commit_sha || !b.ref || !b.sarif) return send(res, 422, { message: "Validation Failed" });
      let sarif: unknown;
      try {
        sarif = JSON.parse(gunzipSync(Buffer.from(b.sarif, "base64")).toString("utf8"));
      } catch {
        return send(res, 400, { message: "sarif must be gzip-compressed and base64-encoded" });
      }
      const id = `sarif-${this.nextId++}`;
      this.sarifUploads.push({
        id,
        commitSha: b.commit_sha,
        ref: b.ref,
        sarif,
        ...(b.tool_name ? { toolName: b.tool_name } : {}),
        ...(b.checkout_uri ? { checkoutUri: b.checkout_uri } : {}),
      });
      return send(res, 202, { id, url: `${this.url}${prefix}/code-scanning/sarifs/${id}` });
    }
    if (route === "/releases" && method === "GET") {
      return this.page(
        res,
        url,
        (this.options.releases ?? []).map((r) => ({
          tag_name: r.tag_name,
          name: r.name ?? r.tag_name,
          draft: r.draft ?? false,
          prerelease: r.prerelease ?? false,
          published_at: r.published_at ?? null,
        })),
      );
    }
    if (route === "/tags" && method === "GET") {
      return this.page(
        res,
        url,
        (this.options.tags ?? []).map((t) => ({ name: t.name, commit: { sha: t.sha } })),
      );
    }
    return send(res, 404, { message: "Not Found" });
  }

  private commentJson(c: StoredComment) {
    return {
      id: c.id,
      body: c.body,
      html_url: `${this.url}/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    };
  }

  /** GitHub's pagination: per_page (max 100), page, and a Link header with rel="next"/"last". */
  private page(res: ServerResponse, url: URL, items: unknown[]): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const links: string[] = [];
    const link = (p: number, rel: string) => {
      const u = new URL(url);
      u.searchParams.set("page", String(p));
      u.searchParams.set("per_page", String(perPage));
      links.push(`<${u.toString()}>; rel="${rel}"`);
    };
    if (page < last) {
      link(page + 1, "next");
      link(last, "last");
    }
    send(
      res,
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length ? { link: links.join(", ") } : {},
    );
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
