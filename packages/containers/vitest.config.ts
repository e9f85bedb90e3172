import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedConfig,
  defineConfig({
    // debootstrap of a minbase Debian takes minutes the first time; later runs use the cached tar.
    test: { globalSetup: ["src/test-support/global-setup.ts"], hookTimeout: 20 * 60_000 },
  }),
);
