// Request counting for the online source against the local osv.dev API server: expected
// ceil(N / 1000) querybatch requests (plus one per extra page) and one GET per distinct id.
import { OnlineSource } from "../src/sources/online-source.js";
import { startOsvApiServer } from "../src/test-support/osv-api-server.js";
import { largestExport, packageSet, report } from "./shared.js";

const { ecosystem, path } = largestExport();
const packages = await packageSet(path, ecosystem, 2_500);
const server = await startOsvApiServer({ zips: [path] });
try {
  const source = new OnlineSource({ baseUrl: server.url });
  const start = performance.now();
  const result = await source.query(packages);
  const ms = performance.now() - start;
  const distinct = new Set([...result.candidates.values()].flat().map((r) => r.id));
  const batches = server.requests.filter((r) => r.path === "/v1/querybatch").length;
  const gets = server.requests.filter((r) => r.path.startsWith("/v1/vulns/")).length;
  report(`online query of ${packages.length} ${ecosystem} packages (local API server)`, [
    ["querybatch requests", batches],
    ["expected ceil(N/1000) (no query needed a 2nd page)", Math.ceil(packages.length / 1000)],
    ["GET /v1/vulns requests", gets],
    ["distinct ids", distinct.size],
    ["ms", ms.toFixed(0)],
  ]);
} finally {
  await server.close();
}
