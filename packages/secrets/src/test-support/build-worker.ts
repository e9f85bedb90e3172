// Tests and benchmarks run from TypeScript sources, where there is no compiled scan-worker.js; this
// bundles the worker entry with esbuild into the temp dir, named by a hash of the bundle, so runs of the
// same sources share one file instead of leaving a new one behind each time.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** `packageDir`: packages/secrets (needed when this module is itself bundled, as in the benchmark). */
export async function buildWorkerScript(
  packageDir = fileURLToPath(new URL("../../", import.meta.url)),
): Promise<string> {
  const result = await build({
    entryPoints: [join(packageDir, "src", "scan-worker-entry.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    outfile: "scan-worker.mjs",
    alias: { "@bulwark/core": join(packageDir, "..", "core", "src", "index.ts") },
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: "warning",
  });
  const code = result.outputFiles[0]!.contents;
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const file = join(tmpdir(), `bulwark-secrets-worker-${hash}.mjs`);
  if (!existsSync(file)) {
    // Written aside and renamed, so a test file running at the same time never sees half a script.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(partial, code);
    await rename(partial, file);
  }
  return file;
}
