// What release.yml publishes (`pnpm -r --filter "./packages/**" publish`, private packages skipped) must
// install and import for a user: only dist/ is shipped, the entry points are in dist/, and a published
// package never depends on one that is not published.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  files?: string[];
  bin?: Record<string, string>;
  exports?: Record<string, Record<string, string>>;
  dependencies?: Record<string, string>;
}

const packages = readdirSync(join(root, "packages"))
  .filter((dir) => existsSync(join(root, "packages", dir, "package.json")))
  .map((dir) => ({
    dir,
    json: JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8")) as PackageJson,
  }));
const published = packages.filter((p) => !p.json.private);
const byName = new Map(packages.map((p) => [p.json.name, p.json]));

describe("published npm packages", () => {
  it("are core, the engines, the check packages and the CLI", () => {
    expect(published.map((p) => p.json.name)).toEqual(
      expect.arrayContaining(["@bulwark/core", "@bulwark/osv", "@bulwark/osv-scan", "@bulwark/cli"]),
    );
  });

  it.each(published.map((p) => [p.json.name, p] as const))(
    "%s ships dist/ only, with its entry points in it",
    (_, pkg) => {
      expect(pkg.json.files).toEqual(["dist"]);
      expect(pkg.json.license).toBe("MIT");
      const build = JSON.parse(
        readFileSync(join(root, "packages", pkg.dir, "tsconfig.build.json"), "utf8"),
      ) as {
        compilerOptions?: { outDir?: string };
      };
      expect(build.compilerOptions?.outDir).toBe("dist");
      for (const target of Object.values(pkg.json.exports?.["."] ?? {}))
        expect(target).toMatch(/^\.\/dist\//);
      for (const target of Object.values(pkg.json.bin ?? {})) expect(target).toMatch(/^\.\/dist\//);
    },
  );

  it.each(published.map((p) => [p.json.name, p] as const))(
    "%s depends only on published workspace packages",
    (_, pkg) => {
      for (const dep of Object.keys(pkg.json.dependencies ?? {}).filter((d) => byName.has(d)))
        expect(byName.get(dep)?.private, `${pkg.json.name} -> ${dep}`).not.toBe(true);
    },
  );

  it("the CLI installs as the bulwark command", () => {
    expect(byName.get("@bulwark/cli")?.bin).toEqual({ bulwark: "./dist/bin.js" });
  });
});
