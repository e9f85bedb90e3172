// A static file server standing in for OSV's export bucket: serves <root>/<Ecosystem>/all.zip for GET
// and HEAD with the bucket's `x-goog-hash: crc32c=...` header. Logs requests so tests can count them.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, normalize, sep } from "node:path";
import { crc32cOfFile } from "../checksum/crc32c.js";

export interface ExportServer {
  url: string;
  requests: Array<{ method: string; path: string }>;
  close(): Promise<void>;
}

export async function startExportServer(root: string): Promise<ExportServer> {
  const requests: ExportServer["requests"] = [];
  // Hash per file, keyed by mtime and size so a changed file gets a new hash.
  const hashes = new Map<string, { key: string; crc: string }>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      requests.push({ method: req.method ?? "", path });
      const file = normalize(join(root, path));
      if (!file.startsWith(normalize(root + sep)) || (req.method !== "GET" && req.method !== "HEAD")) {
        res.writeHead(req.method === "GET" || req.method === "HEAD" ? 403 : 405).end();
        return;
      }
      const st = await stat(file).catch(() => undefined);
      if (!st?.isFile()) {
        res
          .writeHead(404, { "content-type": "application/xml" })
          .end("<Error><Code>NoSuchKey</Code></Error>");
        return;
      }
      const key = `${st.mtimeMs}:${st.size}`;
      let h = hashes.get(file);
      if (!h || h.key !== key) hashes.set(file, (h = { key, crc: await crc32cOfFile(file) }));
      res.writeHead(200, {
        "content-type": "application/zip",
        "content-length": st.size,
        "x-goog-hash": `crc32c=${h.crc}`,
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    })().catch((err: Error) => {
      res.writeHead(500).end(err.message);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
