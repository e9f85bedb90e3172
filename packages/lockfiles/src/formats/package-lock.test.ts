import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractorError } from "../extractor.js";
import { isObject, objectOf, stringOf } from "./json-document.js";
import { packageLockExtractor } from "./package-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

const run = promisify(execFile);
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** What npm itself says the lockfile installs: `npm ls --all --package-lock-only` in a copy of the project. */
async function npmListed(content: string): Promise<Set<string>> {
  const dir = await mkdtemp(join(tmpdir(), "bulwark-npm-ls-"));
  temps.push(dir);
  const lock = JSON.parse(content) as { packages: Record<string, Record<string, unknown>> };
  // npm ls needs the root and workspace manifests, which the lockfile records under their paths.
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path.includes("node_modules/")) continue;
    const fields = [
      "name",
      "version",
      "dependencies",
      "devDependencies",
      "optionalDependencies",
      "peerDependencies",
      "workspaces",
    ];
    const manifest = Object.fromEntries(fields.filter((f) => f in entry).map((f) => [f, entry[f]]));
    await mkdir(join(dir, path), { recursive: true });
    await writeFile(join(dir, path, "package.json"), JSON.stringify(manifest));
  }
  await writeFile(join(dir, "package-lock.json"), content);
  let stdout: string;
  try {
    ({ stdout } = await run("npm", ["ls", "--all", "--package-lock-only", "--json"], {
      cwd: dir,
      maxBuffer: 1 << 28,
    }));
  } catch (error) {
    // npm exits 1 for "invalid" version ranges it still lists.
    stdout = (error as { stdout: string }).stdout;
  }
  const out = new Set<string>();
  const walk = (deps: unknown): void => {
    for (const [installedAs, node] of Object.entries(objectOf(deps))) {
      if (!isObject(node)) continue;
      const version = stringOf(node.version);
      // Aliases are listed under the alias: the registry URL names the real package.
      const real = /registry\.npmjs\.org\/(.+?)\/-\//.exec(stringOf(node.resolved) ?? "")?.[1];
      if (version) out.add(`${real ?? installedAs}@${version}`);
      walk(node.dependencies);
    }
  };
  walk((JSON.parse(stdout) as { dependencies?: unknown }).dependencies);
  return out;
}

describe("package-lock.json", () => {
  const files = sharedLockfiles("npm-package-lock");

  it("reads every installed package of the real v3 lockfiles (links and workspace sources left out)", async () => {
    const counts: Record<string, number> = {};
    for (const f of files) counts[f.name] = (await packageLockExtractor.extract(f.content, f.context)).length;
    // SOURCES.tsv counts every key but the root; codeql-action has one workspace source and one link.
    expect(counts).toEqual({
      "BookStackApp__BookStack__package-lock.json": 650,
      "actions__dependency-review-action__package-lock.json": 761,
      "actions__toolkit__package-lock.json": 1173,
      "github__codeql-action__package-lock.json": 735,
    });
  });

  it.each(files.map((f) => [f.name, f] as const))(
    "gives the same name@version set as npm ls for %s",
    async (_name, f) => {
      const ours = new Set(
        (await packageLockExtractor.extract(f.content, f.context)).map((r) => `${r.name}@${r.version}`),
      );
      expect(ours).toEqual(await npmListed(f.content));
    },
  );

  it("points each record at its `node_modules/...` key and reads flags, direct and parents", async () => {
    const f = sharedLockfile("npm-package-lock", "github__codeql-action__package-lock.json");
    const records = await packageLockExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toMatch(/^\s*"(.*\/)?node_modules\/.*": \{/);
    const core = records.find((r) => r.name === "@actions/core" && !r.parents);
    expect(core).toMatchObject({
      ecosystem: "npm",
      direct: true,
      scopes: ["prod"],
      purl: `pkg:npm/%40actions/core@${core?.version}`,
    });
    const nested = records.find((r) => r.parents);
    expect(nested?.direct).toBe(false);
    expect(records.some((r) => r.scopes?.includes("dev"))).toBe(true);
    // Aliased packages are reported under their real name.
    expect(records.some((r) => r.name === "@actions/artifact-legacy")).toBe(false);
    expect(records.filter((r) => r.name === "@actions/artifact").length).toBeGreaterThan(1);
  });

  it("reads the v1 dependency tree with aliases, git commits, nesting and package.json's direct deps", async () => {
    const lock = `{
  "name": "app",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "left-pad": {
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"
    },
    "old-lodash": {
      "version": "npm:lodash@4.17.20",
      "dev": true
    },
    "mylib": {
      "version": "git+https://github.com/o/mylib.git#0123456789abcdef0123456789abcdef01234567",
      "from": "git+https://github.com/o/mylib.git",
      "dependencies": {
        "left-pad": {
          "version": "1.1.0",
          "optional": true
        }
      }
    },
    "local": {
      "version": "file:../local"
    }
  }
}`;
    const context = memoryContext("app/package-lock.json", {
      "package.json": JSON.stringify({
        dependencies: { "left-pad": "^1", mylib: "o/mylib" },
        devDependencies: { "old-lodash": "npm:lodash@4" },
      }),
    });
    const records = await packageLockExtractor.extract(lock, context);
    expect(records).toEqual([
      {
        name: "left-pad",
        version: "1.3.0",
        ecosystem: "npm",
        purl: "pkg:npm/left-pad@1.3.0",
        scopes: ["prod"],
        file: "app/package-lock.json",
        line: 6,
        direct: true,
      },
      {
        name: "lodash",
        version: "4.17.20",
        ecosystem: "npm",
        purl: "pkg:npm/lodash@4.17.20",
        scopes: ["dev"],
        file: "app/package-lock.json",
        line: 10,
        direct: true,
      },
      {
        name: "mylib",
        version: "git+https://github.com/o/mylib.git#0123456789abcdef0123456789abcdef01234567",
        ecosystem: "npm",
        purl: "pkg:npm/mylib@git%2Bhttps:%2F%2Fgithub.com%2Fo%2Fmylib.git%230123456789abcdef0123456789abcdef01234567",
        scopes: ["prod"],
        file: "app/package-lock.json",
        line: 14,
        direct: true,
        commit: "0123456789abcdef0123456789abcdef01234567",
      },
      {
        name: "left-pad",
        version: "1.1.0",
        ecosystem: "npm",
        purl: "pkg:npm/left-pad@1.1.0",
        scopes: ["optional"],
        file: "app/package-lock.json",
        line: 18,
        direct: false,
        parents: ["mylib"],
      },
    ]);
  });

  it("reads v2 workspaces, links, aliases by `name`, devOptional and peer flags", async () => {
    const lock = JSON.stringify(
      {
        lockfileVersion: 3,
        packages: {
          "": {
            name: "root",
            workspaces: ["packages/a"],
            dependencies: { a: "*" },
            devDependencies: { b: "^1" },
          },
          "packages/a": { name: "a", version: "1.0.0", dependencies: { c: "^2" } },
          "node_modules/a": { resolved: "packages/a", link: true },
          "node_modules/b": { version: "1.2.0", dev: true },
          "node_modules/c": { version: "2.0.0" },
          "node_modules/b-old": { name: "b", version: "0.9.0", devOptional: true },
          "node_modules/b/node_modules/d": { version: "3.0.0", peer: true, dev: true },
        },
      },
      null,
      2,
    );
    const records = await packageLockExtractor.extract(lock, memoryContext("package-lock.json"));
    expect(records.map((r) => [r.name, r.version, r.direct, r.scopes, r.parents, r.line])).toEqual([
      ["b", "1.2.0", true, ["dev"], undefined, 27],
      ["c", "2.0.0", true, ["prod"], undefined, 31],
      ["b", "0.9.0", false, ["dev", "optional"], undefined, 34],
      ["d", "3.0.0", false, ["dev", "peer"], ["b"], 39],
    ]);
  });

  it("marks a package under a workspace's own node_modules direct only when that workspace declares it", async () => {
    const lock = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        "": { name: "root", workspaces: ["packages/a"], dependencies: { z: "^1" } },
        "packages/a": { name: "a", version: "1.0.0", dependencies: { c: "^1" } },
        "packages/a/node_modules/c": { version: "1.5.0" },
        "packages/a/node_modules/z": { version: "2.0.0" },
        "node_modules/c": { version: "2.0.0" },
      },
    });
    const records = await packageLockExtractor.extract(lock, memoryContext("package-lock.json"));
    expect(records.map((r) => [r.name, r.version, r.direct, r.parents])).toEqual([
      ["c", "1.5.0", true, undefined],
      ["z", "2.0.0", false, undefined],
      ["c", "2.0.0", false, undefined],
    ]);
  });

  it("names the line of a syntax error and rejects a non-object", async () => {
    const bad =
      '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": "1.0.0", }\n  }\n}';
    await expect(packageLockExtractor.extract(bad, memoryContext("package-lock.json"))).rejects.toMatchObject(
      {
        name: "ExtractorError",
        line: 4,
      },
    );
    await expect(
      packageLockExtractor.extract("[]", memoryContext("package-lock.json")),
    ).rejects.toBeInstanceOf(ExtractorError);
  });
});
