// A local implementation of the osv.dev API (POST /v1/query, POST /v1/querybatch, GET /v1/vulns/{id})
// over the records of real export zips, using this package's own range evaluation. Page size is small
// and configurable so paging is exercised; `intercept` lets a test answer a request with a failure.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { isAffected } from "../matching/is-affected.js";
import { OsvIndex } from "../records/osv-index.js";
import type { OsvRecord } from "../records/osv-record.js";
import { readZipRecords } from "../records/read-zip.js";

export interface ApiServerOptions {
  /** Export zips to serve. */
  zips: string[];
  /** Vulnerabilities per page of one query's results (osv.dev uses 1,000 ids per page at most). */
  pageSize?: number;
  /** Return a response to send instead of the real one, or undefined to serve normally. */
  intercept?: (req: {
    method: string;
    path: string;
    n: number;
  }) => { status: number; headers?: Record<string, string>; body?: string } | "hang" | undefined;
}

export interface ApiServer {
  url: string;
  requests: Array<{ method: string; path: string; queries?: number }>;
  close(): Promise<void>;
}

interface WireQuery {
  package?: { name?: string; ecosystem?: string; purl?: string };
  version?: string;
  commit?: string;
  page_token?: string;
}

export async function startOsvApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const pageSize = options.pageSize ?? 1000;
  const index = new OsvIndex();
  const texts = new Map<string, string>();
  const modified = new Map<string, string>();
  const gitRecords: OsvRecord[] = [];
  for (const zip of options.zips) {
    await readZipRecords(zip, (record) => {
      index.add(record);
      texts.set(record.id, JSON.stringify(record));
      modified.set(record.id, record.modified);
      if (!record.withdrawn && record.affected?.some((a) => a.ranges?.some((r) => r.type === "GIT"))) {
        gitRecords.push(record);
      }
    });
  }

  const answer = (q: WireQuery): { ids: string[] } | { error: string } => {
    if (q.version !== undefined && q.commit !== undefined)
      return { error: "Only one of version or commit may be set" };
    let matched: OsvRecord[];
    if (q.package) {
      const { name, ecosystem } = q.package;
      if (!name || !ecosystem) return { error: "package needs name and ecosystem" };
      const pkg = {
        ecosystem,
        name,
        ...(q.version !== undefined ? { version: q.version } : {}),
        ...(q.commit !== undefined ? { commit: q.commit } : {}),
      };
      matched = index.candidates(pkg);
      if (q.version !== undefined || q.commit !== undefined)
        matched = matched.filter((r) => isAffected(r, pkg).status !== "not-affected");
    } else if (q.commit !== undefined) {
      const commit = q.commit;
      matched = gitRecords.filter((r) =>
        r.affected!.some((a) =>
          (a.ranges ?? []).some(
            (g) =>
              g.type === "GIT" &&
              g.repo !== undefined &&
              isAffected(r, { ecosystem: "GIT", name: g.repo, commit }).status !== "not-affected",
          ),
        ),
      );
    } else return { error: "a query needs a package or a commit" };
    return { ids: [...new Set(matched.map((r) => r.id))].sort() };
  };

  const page = (q: WireQuery) => {
    const result = answer(q);
    if ("error" in result) return result;
    const start = q.page_token ? Number(Buffer.from(q.page_token, "base64url").toString()) : 0;
    if (!Number.isInteger(start) || start < 0) return { error: "invalid page_token" };
    const slice = result.ids.slice(start, start + pageSize);
    const out: { vulns?: Array<{ id: string; modified: string }>; next_page_token?: string } = {};
    if (slice.length > 0) out.vulns = slice.map((id) => ({ id, modified: modified.get(id)! }));
    if (start + pageSize < result.ids.length)
      out.next_page_token = Buffer.from(String(start + pageSize)).toString("base64url");
    return out;
  };

  const requests: ApiServer["requests"] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const method = req.method ?? "";
      const body = method === "POST" ? await readBody(req) : "";
      const entry: ApiServer["requests"][number] = { method, path };
      requests.push(entry);
      const send = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
      };
      const forced = options.intercept?.({ method, path, n: n++ });
      if (forced === "hang") return; // never answer: the client's timeout must fire
      if (forced) {
        res.writeHead(forced.status, forced.headers ?? {}).end(forced.body ?? "");
        return;
      }
      if (method === "POST" && (path === "/v1/querybatch" || path === "/v1/query")) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body);
        } catch {
          return send(400, { code: 3, message: "Invalid JSON" });
        }
        if (path === "/v1/query") {
          const r = page(parsed as WireQuery);
          return "error" in r ? send(400, { code: 3, message: r.error }) : send(200, r);
        }
        const queries = (parsed as { queries?: WireQuery[] }).queries;
        if (!Array.isArray(queries)) return send(400, { code: 3, message: "queries must be a list" });
        entry.queries = queries.length;
        if (queries.length > 1000) return send(400, { code: 3, message: "Too many queries (max 1000)" });
        const results = [];
        for (const q of queries) {
          const r = page(q);
          if ("error" in r) return send(400, { code: 3, message: r.error });
          results.push(r);
        }
        return send(200, { results });
      }
      const vuln = /^\/v1\/vulns\/(.+)$/.exec(path);
      if (method === "GET" && vuln) {
        const text = texts.get(decodeURIComponent(vuln[1]!));
        if (text === undefined) return send(404, { code: 5, message: "Bug not found." });
        res.writeHead(200, { "content-type": "application/json" }).end(text);
        return;
      }
      send(404, { code: 5, message: "Not found" });
    })().catch((err: Error) => res.writeHead(500).end(err.message));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
