// How long a scan takes on a repository with many release tags and a long table (run: pnpm bench).
import { bench, describe } from "vitest";
import { checkSupportedVersions } from "../src/check-supported-versions.js";
import { GitRepo } from "../src/test-support/git-repo.js";

const rows = Array.from({ length: 60 }, (_, i) => `| ${60 - i}.x | ${i < 3 ? "✅" : "❌"} |`);
const repo = new GitRepo().write({
  "SECURITY.md": [
    "## Supported Versions",
    "",
    "| Version | Supported |",
    "|---|---|",
    ...rows,
    "",
    "security@acme.dev",
  ].join("\n"),
});
repo.commit("base");
// 1,200 tags on one commit (git tag is fast; one commit per tag would dominate set-up).
for (let major = 1; major <= 60; major++) {
  for (let minor = 0; minor < 20; minor++) repo.git("tag", `v${major}.${minor}.0`);
}

describe("checkSupportedVersions", () => {
  bench(
    "1,200 tags, 60-row table, no runtimes",
    async () => {
      await checkSupportedVersions({ root: repo.dir, checkRuntimes: false });
    },
    { iterations: 10 },
  );
});
