// Tests and benchmarks run from TypeScript sources, where there is no compiled scan-worker.js; this
// bundles the worker entry with esbuild into a temporary directory.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** `packageDir`: packages/secrets (needed when this module is itself bundled, as in the benchmark). */
export async function buildWorkerScript(
  packageDir = fileURLToPath(new URL("../../", import.meta.url)),
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bulwark-secrets-worker-"));
  const outfile = join(dir, "scan-worker.mjs");
  await build({
    entryPoints: [join(packageDir, "src", "scan-worker-entry.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    alias: { "@bulwark/core": join(packageDir, "..", "core", "src", "index.ts") },
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: "warning",
  });
  return outfile;
}
