import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { excludeMatcher } from "./exclude.js";
import { detectSources, languageOfShebang } from "./languages.js";
import { FIXTURE } from "./test-support/fixture.js";

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "sast-lang-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("detectSources", () => {
  it("sorts the fixture's files by language, skipping node_modules and gitignored build output", async () => {
    const { files } = await detectSources(FIXTURE);
    expect(Object.fromEntries(files)).toEqual({
      python: ["app/server.py"],
      javascript: ["eslint.config.js", "web/render.js"],
      typescript: ["web/lookup.ts"],
      shell: ["scripts/deploy.sh", "scripts/release"],
      c: ["native/copy.c"],
    });
  });

  it("reads shebangs of extensionless files, nested .gitignore files, vendor dirs and manifests", async () => {
    const dir = tree({
      "bin/tool": "#!/usr/bin/env python3\nprint(1)\n",
      "bin/run": "#!/usr/bin/env node\n",
      "bin/data": "not a script\n",
      "svc/.gitignore": "gen/\n*.tmp.go\n",
      "svc/gen/x.go": "package gen\n",
      "svc/main.go": "package main\n",
      "svc/a.tmp.go": "package main\n",
      "svc/go.mod": "module x\n",
      "vendor/lib/y.go": "package lib\n",
    });
    chmodSync(join(dir, "bin/tool"), 0o755);
    const { files, manifests } = await detectSources(dir);
    expect(Object.fromEntries(files)).toEqual({
      javascript: ["bin/run"],
      python: ["bin/tool"],
      go: ["svc/main.go"],
    });
    expect(manifests).toEqual(["svc/go.mod"]);
  });

  it("leaves this repository's committed action bundles and dependencies out by default", async () => {
    const repo = fileURLToPath(new URL("../../../", import.meta.url));
    const { files } = await detectSources(repo);
    const all = [...files.values()].flat();
    expect(all).toContain("packages/sast/src/languages.ts");
    expect(all.filter((p) => /(^|\/)(dist|node_modules)\//.test(p))).toEqual([]);
    const withBundles = await detectSources(repo, excludeMatcher(["!dist/"]));
    expect([...withBundles.files.values()].flat()).toContain("actions/sast/dist/index.js");
  });

  it("knows the common shebangs", () => {
    expect(languageOfShebang("#!/bin/bash -e")).toBe("shell");
    expect(languageOfShebang("#!/usr/bin/python3.12")).toBe("python");
    expect(languageOfShebang("#!/usr/bin/perl")).toBeUndefined();
  });
});
