// Tests and benchmarks run from TypeScript sources, where there is no compiled scan-worker.js; this
// bundles the worker entry with esbuild into a temporary directory.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export async function buildWorkerScript(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bulwark-secrets-worker-"));
  const outfile = join(dir, "scan-worker.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../scan-worker.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    alias: { "@bulwark/core": fileURLToPath(new URL("../../../core/src/index.ts", import.meta.url)) },
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: "warning",
  });
  return outfile;
}
