// Request counting for the online source against the local osv.dev API server: ceil(N / 1000)
// querybatch requests when no query needs a second page, plus one round per extra page, and one
// GET per distinct id.
import type { PackageQuery } from "../src/records/osv-record.js";
import { OnlineSource } from "../src/sources/online-source.js";
import { startOsvApiServer } from "../src/test-support/osv-api-server.js";
import { join } from "node:path";
import { OSV_DB_DIR, largestExport, packageSet, report } from "./shared.js";

const { ecosystem, path } = largestExport();
const packages = await packageSet(path, ecosystem, 2_500);

async function run(title: string, zip: string, pkgs: PackageQuery[], pageSize: number): Promise<void> {
  const server = await startOsvApiServer({ zips: [zip], pageSize });
  try {
    const source = new OnlineSource({ baseUrl: server.url });
    const start = performance.now();
    const result = await source.query(pkgs);
    const ms = performance.now() - start;
    const perQuery = [...result.candidates.values()].map((c) => c.length);
    const rounds = Math.max(1, ...perQuery.map((n) => Math.ceil(n / pageSize)));
    // Each paging round batches only the queries that still have pages.
    let expected = 0;
    for (let r = 0; r < rounds; r++) {
      const open = perQuery.filter((n) => r === 0 || n > r * pageSize).length;
      expected += Math.ceil(open / 1000);
    }
    const distinct = new Set([...result.candidates.values()].flat().map((r) => r.id));
    report(title, [
      ["packages", pkgs.length],
      ["querybatch requests", server.requests.filter((r) => r.path === "/v1/querybatch").length],
      ["expected (ceil(N/1000) per paging round)", expected],
      ["GET /v1/vulns requests", server.requests.filter((r) => r.path.startsWith("/v1/vulns/")).length],
      ["distinct ids", distinct.size],
      ["ms", ms.toFixed(0)],
    ]);
  } finally {
    await server.close();
  }
}

await run(`online query of ${ecosystem} packages, page size 1000 (local API server)`, path, packages, 1000);
// PyPI names only (no version): every record of the package comes back (Django has dozens), so
// small pages force several paging rounds.
const pypi = join(OSV_DB_DIR, "PyPI", "all.zip");
const many = [
  "django",
  "tensorflow",
  "pillow",
  "jinja2",
  "urllib3",
  "requests",
  "flask",
  "numpy",
  "ansible",
  "salt",
];
const drawn = await packageSet(pypi, "PyPI", 1500);
const names = [...new Set([...many, ...drawn.map((p) => p.name)])].map((name) => ({
  ecosystem: "PyPI",
  name,
}));
await run(`online query of PyPI names without versions, page size 3`, pypi, names, 3);
