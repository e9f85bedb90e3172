// Bundles TypeScript benchmarks (arguments: their names; default: throughput, history, secretlint) with
// esbuild (the repository has no TS runner) and runs them one after another.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const names = process.argv.length > 2 ? process.argv.slice(2) : ["throughput", "history", "secretlint"];
// Inside the package's node_modules so the bundle resolves its external imports (esbuild) from here.
const cache = fileURLToPath(new URL("../node_modules/.cache/", import.meta.url));
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "bench-"));
try {
  for (const name of names) {
    const outfile = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      external: ["esbuild"],
      alias: {
        "@bulwark/core": fileURLToPath(new URL("../../core/src/index.ts", import.meta.url)),
        "@bulwark/secrets": fileURLToPath(new URL("../src/index.ts", import.meta.url)),
      },
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      logLevel: "warning",
    });
    execFileSync(process.execPath, [outfile], {
      stdio: "inherit",
      env: { ...process.env, BULWARK_SECRETS_DIR: fileURLToPath(new URL("..", import.meta.url)) },
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
