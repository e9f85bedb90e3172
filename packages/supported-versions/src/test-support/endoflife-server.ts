// A local server implementing endoflife.date API v1 (GET /api/v1/products/{product}) over release data
// written from the projects' published end-of-life dates.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const NODE = [
  ["14", "2023-04-30"],
  ["16", "2023-09-11"],
  ["18", "2025-04-30"],
  ["20", "2026-04-30"],
  ["22", "2027-04-30"],
  ["24", "2028-04-30"],
];
const PYTHON = [
  ["3.7", "2023-06-27"],
  ["3.8", "2024-10-07"],
  ["3.9", "2025-10-31"],
  ["3.10", "2026-10-31"],
  ["3.11", "2027-10-31"],
  ["3.12", "2028-10-31"],
  ["3.13", "2029-10-31"],
  ["3.14", "2030-10-31"],
];

export class EndOfLifeServer {
  requests: string[] = [];
  private server?: Server;
  url = "";

  constructor(private readonly today: Date) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? "");
      const m = /^\/api\/v1\/products\/([^/?]+)$/.exec(req.url ?? "");
      if (m?.[1] === "broken") {
        // A proxy's error page: the client must say so, not crash or pass.
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html>upstream error</html>");
        return;
      }
      const data = m?.[1] === "nodejs" ? NODE : m?.[1] === "python" ? PYTHON : undefined;
      if (!data) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "Product not found" }));
        return;
      }
      const releases = [...data].reverse().map(([name, eolFrom]) => ({
        name,
        label: name,
        isEol: Date.parse(eolFrom!) <= this.today.getTime(),
        eolFrom,
        isMaintained: Date.parse(eolFrom!) > this.today.getTime(),
      }));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ schema_version: "1.2.0", total: 1, result: { name: m![1], releases } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** A URL on 127.0.0.1 where nothing listens: a port the OS just gave out and took back. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
