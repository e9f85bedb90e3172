// A local GitHub REST server for end-to-end tests: the endpoints Bulwark calls, with in-memory state
// and a request log, so tests assert the requests really made. Behaviour follows GitHub's REST docs:
// Link-header pagination, 401 without a valid token, 403 for a read-only token on writes, 202 with
// { id, url } for SARIF uploads (gzip + base64, refused over 10 MB gzipped), 400 for an unsupported
// X-GitHub-Api-Version. Faults (5xx, 429 + Retry-After) can be queued to exercise retries.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { paginate } from "./link-pagination.js";

export const SUPPORTED_API_VERSIONS = ["2022-11-28", "2026-03-10"];
const MAX_SARIF_GZIP_BYTES = 10 * 1024 * 1024;

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
  /** The Authorization header as sent; tests check the scheme, never print it. */
  authorization?: string;
  apiVersion?: string;
  /** The status the server answered with. */
  status?: number;
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
  gzipBytes: number;
}

export interface SeedRelease {
  tag_name: string;
  name?: string;
  draft?: boolean;
  prerelease?: boolean;
  published_at?: string;
}

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** Only requests whose path ends with this are affected (default: any). */
  pathSuffix?: string;
}

export type PermissionScope = "contents" | "pull-requests" | "issues" | "security-events";
export type TokenPermissions = Partial<Record<PermissionScope, "read" | "write">>;

/** The scopes that allow a write to a route (relative to the repository). */
function writeScopes(route: string): PermissionScope[] {
  if (route.startsWith("/issues/")) return ["pull-requests", "issues"];
  if (route.startsWith("/code-scanning/")) return ["security-events"];
  return ["contents"];
}

export interface GitHubServerOptions {
  owner?: string;
  repo?: string;
  /** Tokens allowed to write. */
  writeTokens?: string[];
  /** Tokens allowed to read only (writes get 403, as on fork pull requests). */
  readTokens?: string[];
  /**
   * Tokens with a job's `permissions:` scopes, as GITHUB_TOKEN has them: any listed token reads; a
   * comment write needs pull-requests (or issues) write, a SARIF upload security-events write.
   */
  scopedTokens?: Record<string, TokenPermissions>;
  releases?: SeedRelease[];
  tags?: { name: string; sha: string }[];
  /** Comments that exist before the run, e.g. many to push a sticky comment past the first page. */
  comments?: { issue: number; body: string }[];
  /** Code scanning disabled for the repository: uploads get 403 as GitHub answers then. */
  codeScanningDisabled?: boolean;
  /** Serve the API under a path, as GitHub Enterprise Server does (`/api/v3`); `url` includes it. */
  basePath?: string;
}

export class GitHubServer {
  readonly requests: LoggedRequest[] = [];
  readonly comments: StoredComment[] = [];
  readonly sarifUploads: StoredSarif[] = [];
  private readonly faults: Fault[] = [];
  private nextId = 1000;
  private server?: Server;
  url = "";

  constructor(private readonly options: GitHubServerOptions = {}) {
    for (const c of options.comments ?? []) this.comments.push({ id: this.nextId++, ...c });
  }

  get owner(): string {
    return this.options.owner ?? "octo";
  }
  get repo(): string {
    return this.options.repo ?? "app";
  }

  /** The next matching requests get these answers instead of being handled, in order. */
  failNext(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const base = (this.options.basePath ?? "").replace(/\/+$/, "");
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${base}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const method = req.method ?? "GET";
    const text = await readBody(req);
    const base = (this.options.basePath ?? "").replace(/\/+$/, "");
    const underBase = url.pathname.startsWith(`${base}/`);
    const entry: LoggedRequest = {
      method,
      // Logged relative to the API root, so tests read the same paths with or without a base path.
      path: underBase ? url.pathname.slice(base.length) : url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(typeof req.headers["x-github-api-version"] === "string"
        ? { apiVersion: req.headers["x-github-api-version"] }
        : {}),
    };
    this.requests.push(entry);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      send(res, status, body, headers);
    };

    if (text) {
      try {
        entry.body = JSON.parse(text);
      } catch {
        return reply(400, { message: "Problems parsing JSON" });
      }
    }
    const faultAt = this.faults.findIndex((f) => !f.pathSuffix || url.pathname.endsWith(f.pathSuffix));
    if (faultAt >= 0) {
      const [fault] = this.faults.splice(faultAt, 1);
      return reply(fault!.status, { message: "Injected fault" }, fault!.headers);
    }
    if (entry.apiVersion && !SUPPORTED_API_VERSIONS.includes(entry.apiVersion))
      return reply(400, { message: `API version ${entry.apiVersion} is not supported.` });

    const token = /^(?:Bearer|token) (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const scoped = token !== undefined ? this.options.scopedTokens?.[token] : undefined;
    const routeInRepo = entry.path.slice(`/repos/${this.owner}/${this.repo}`.length);
    const canWrite =
      token !== undefined &&
      ((this.options.writeTokens ?? []).includes(token) ||
        (scoped !== undefined && writeScopes(routeInRepo).some((scope) => scoped[scope] === "write")));
    const canRead =
      canWrite ||
      scoped !== undefined ||
      (token !== undefined && (this.options.readTokens ?? []).includes(token));
    if (!canRead)
      return reply(401, {
        message: token ? "Bad credentials" : "Requires authentication",
        documentation_url: "https://docs.github.com/rest",
      });
    if (method !== "GET" && !canWrite)
      return reply(403, { message: "Resource not accessible by integration" });

    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!underBase || !entry.path.startsWith(`${prefix}/`)) return reply(404, { message: "Not Found" });
    const route = entry.path.slice(prefix.length);
    const body = (entry.body ?? {}) as Record<string, unknown>;
    const list = (items: unknown[]) => {
      const page = paginate(url, items);
      reply(200, page.items, page.link ? { link: page.link } : {});
    };
    let m: RegExpExecArray | null;

    if ((m = /^\/issues\/(\d+)\/comments$/.exec(route))) {
      const issue = Number(m[1]);
      if (method === "GET")
        return list(this.comments.filter((c) => c.issue === issue).map((c) => this.json(c)));
      if (method === "POST") {
        if (typeof body.body !== "string" || !body.body) return reply(422, { message: "Validation Failed" });
        const comment = { id: this.nextId++, issue, body: body.body };
        this.comments.push(comment);
        return reply(201, this.json(comment), { location: this.json(comment).url });
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(route))) {
      const index = this.comments.findIndex((c) => c.id === Number(m![1]));
      if (index < 0) return reply(404, { message: "Not Found" });
      const comment = this.comments[index]!;
      if (method === "GET") return reply(200, this.json(comment));
      if (method === "PATCH") {
        if (typeof body.body !== "string" || !body.body) return reply(422, { message: "Validation Failed" });
        comment.body = body.body;
        return reply(200, this.json(comment));
      }
      if (method === "DELETE") {
        this.comments.splice(index, 1);
        entry.status = 204;
        res.writeHead(204).end();
        return;
      }
    }
    if (route === "/code-scanning/sarifs" && method === "POST") return this.uploadSarif(body, prefix, reply);
    if ((m = /^\/code-scanning\/sarifs\/([\w-]+)$/.exec(route)) && method === "GET") {
      const upload = this.sarifUploads.find((u) => u.id === m![1]);
      if (!upload) return reply(404, { message: "Not Found" });
      return reply(200, {
        processing_status: "complete",
        analyses_url: `${this.url}${prefix}/code-scanning/analyses?sarif_id=${upload.id}`,
      });
    }
    if (route === "/releases" && method === "GET") {
      return list(
        (this.options.releases ?? []).map((r, i) => ({
          id: 5000 + i,
          tag_name: r.tag_name,
          name: r.name ?? r.tag_name,
          draft: r.draft ?? false,
          prerelease: r.prerelease ?? false,
          published_at: r.draft ? null : (r.published_at ?? null),
        })),
      );
    }
    if (route === "/tags" && method === "GET") {
      return list(
        (this.options.tags ?? []).map((t) => ({
          name: t.name,
          commit: { sha: t.sha, url: `${this.url}${prefix}/commits/${t.sha}` },
        })),
      );
    }
    return reply(404, { message: "Not Found" });
  }

  private uploadSarif(
    body: Record<string, unknown>,
    prefix: string,
    reply: (status: number, body: unknown) => void,
  ): void {
    if (this.options.codeScanningDisabled)
      return reply(403, { message: "Code scanning is not enabled for this repository" });
    const { commit_sha, ref, sarif, tool_name, checkout_uri } = body;
    if (typeof commit_sha !== "string" || !/^[0-9a-f]{40}$/.test(commit_sha))
      return reply(422, { message: "Invalid request: commit_sha is not a 40-character SHA" });
    if (typeof ref !== "string" || !/^refs\/(heads|tags|pull)\//.test(ref))
      return reply(422, {
        message: "Invalid request: ref must be refs/heads/..., refs/tags/... or refs/pull/...",
      });
    if (typeof sarif !== "string") return reply(422, { message: "Invalid request: sarif is required" });
    const gz = Buffer.from(sarif, "base64");
    if (gz.length > MAX_SARIF_GZIP_BYTES) return reply(413, { message: "Payload Too Large" });
    let log: unknown;
    try {
      log = JSON.parse(gunzipSync(gz).toString("utf8"));
    } catch {
      return reply(400, {
        message: "Invalid request: sarif must be gzip-compressed and base64-encoded JSON",
      });
    }
    const id = `${this.nextId++}-sarif`;
    this.sarifUploads.push({
      id,
      commitSha: commit_sha,
      ref,
      sarif: log,
      gzipBytes: gz.length,
      ...(typeof tool_name === "string" ? { toolName: tool_name } : {}),
      ...(typeof checkout_uri === "string" ? { checkoutUri: checkout_uri } : {}),
    });
    reply(202, { id, url: `${this.url}${prefix}/code-scanning/sarifs/${id}` });
  }

  private json(c: StoredComment) {
    const repoPath = `/repos/${this.owner}/${this.repo}`;
    return {
      id: c.id,
      body: c.body,
      url: `${this.url}${repoPath}/issues/comments/${c.id}`,
      html_url: `${this.url}/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}${repoPath}/issues/${c.issue}`,
      user: { login: "github-actions[bot]", type: "Bot" },
    };
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
