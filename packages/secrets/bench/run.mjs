// Bundles a TypeScript benchmark (argument: its name, default "throughput") with esbuild (the repository has no TS runner) and runs it.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// Inside the package's node_modules so the bundle resolves its external imports (esbuild) from here.
const cache = fileURLToPath(new URL("../node_modules/.cache/", import.meta.url));
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, "bench-"));
const outfile = join(dir, "throughput.mjs");
await build({
  entryPoints: [fileURLToPath(new URL(`./${process.argv[2] ?? "throughput"}.ts`, import.meta.url))],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile,
  external: ["esbuild"],
  alias: { "@bulwark/core": fileURLToPath(new URL("../../core/src/index.ts", import.meta.url)) },
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: "warning",
});
try {
  execFileSync(process.execPath, [outfile], {
    stdio: "inherit",
    env: { ...process.env, BULWARK_SECRETS_DIR: fileURLToPath(new URL("..", import.meta.url)) },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
