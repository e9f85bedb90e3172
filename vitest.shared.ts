// Tests run against the sources of sibling packages, not their builds, so a change in
// packages/core is seen by every test without a rebuild.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packagesDir = fileURLToPath(new URL("./packages/", import.meta.url));

export const sharedConfig = defineConfig({
  resolve: {
    alias: [{ find: /^@bulwark\/([a-z0-9-]+)$/, replacement: `${packagesDir}$1/src/index.ts` }],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
