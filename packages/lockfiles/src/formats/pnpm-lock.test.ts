import { describe, expect, it } from "vitest";
import { pnpmLockExtractor } from "./pnpm-lock.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";

describe("pnpm-lock.yaml", () => {
  it("reads every package of the real v9 lockfiles", async () => {
    const counts: Record<string, number> = {};
    for (const f of sharedLockfiles("pnpm-lock"))
      counts[f.name] = (await pnpmLockExtractor.extract(f.content, f.context)).length;
    expect(counts).toEqual({
      "koel__koel__pnpm-lock.yaml": 804,
      "typeorm__typeorm__pnpm-lock.yaml": 950,
      "vuejs__core__pnpm-lock.yaml": 620,
    });
  });

  it("points at the `packages` key, marks importer dependencies direct and scopes the rest through snapshots", async () => {
    const f = sharedLockfile("pnpm-lock", "typeorm__typeorm__pnpm-lock.yaml");
    const records = await pnpmLockExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    const packagesStart = lines.indexOf("packages:") + 1;
    for (const r of records) {
      expect(r.line ?? 0).toBeGreaterThan(packagesStart);
      expect(lines[(r.line ?? 0) - 1]).toMatch(
        new RegExp(`^  '?${r.name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}@`),
      );
    }
    expect(records.find((r) => r.name === "dayjs")).toMatchObject({
      direct: true,
      scopes: ["prod"],
      purl: expect.stringMatching(/^pkg:npm\/dayjs@/),
    });
    // debug is imported with a peer suffix "4.4.3(supports-color@8.1.1)": still direct.
    expect(records.find((r) => r.name === "debug" && r.version === "4.4.3")?.direct).toBe(true);
    expect(records.find((r) => r.name === "@eslint/js")).toMatchObject({ direct: true, scopes: ["dev"] });
    expect(records.every((r) => r.scopes?.[0] === "prod" || r.scopes?.[0] === "dev")).toBe(true);
    expect(records.find((r) => r.name === "@jridgewell/gen-mapping")?.direct).toBe(false);
  });

  it("says through which direct dependency a transitive package comes, per version", async () => {
    const f = sharedLockfile("pnpm-lock", "vuejs__core__pnpm-lock.yaml");
    const records = await pnpmLockExtractor.extract(f.content, f.context);
    const parents = (name: string, version: string) =>
      records.find((r) => r.name === name && r.version === version)?.parents;
    expect(parents("ms", "2.0.0")).toEqual(["serve", "compression", "debug"]);
    expect(parents("ms", "2.1.3")).toEqual(["eslint", "debug"]);
    expect(parents("picomatch", "4.0.5")).toEqual(["lint-staged"]);
    expect(records.filter((r) => r.direct === false).every((r) => (r.parents?.length ?? 0) > 0)).toBe(true);
    expect(records.filter((r) => r.direct).every((r) => r.parents === undefined)).toBe(true);
  });

  it("reads v5 keys, dev flags, peer suffixes, git packages and a single-project layout", async () => {
    const lock = `lockfileVersion: 5.4

specifiers:
  left-pad: ^1.3.0
  '@types/node': ^18.0.0

dependencies:
  left-pad: 1.3.0
  react-dom: 18.2.0_react@18.2.0

devDependencies:
  '@types/node': 18.11.9

packages:

  /left-pad/1.3.0:
    resolution: {integrity: sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEk=}
    dev: false

  /react-dom/18.2.0_react@18.2.0:
    resolution: {integrity: sha512-abc}
    peerDependencies:
      react: ^18.2.0
    dependencies:
      react: 18.2.0
    dev: false

  /react/18.2.0:
    resolution: {integrity: sha512-def}
    dev: false

  /@types/node/18.11.9:
    resolution: {integrity: sha512-ghi}
    dev: true
    optional: true

  github.com/o/tool/0123456789abcdef0123456789abcdef01234567:
    resolution: {tarball: https://codeload.github.com/o/tool/tar.gz/0123456789abcdef0123456789abcdef01234567}
    name: tool
    version: 2.0.0
    dev: false
`;
    const records = await pnpmLockExtractor.extract(lock, memoryContext("pnpm-lock.yaml"));
    expect(records.map((r) => [r.name, r.version, r.line, r.direct, r.scopes, r.commit])).toEqual([
      ["left-pad", "1.3.0", 16, true, ["prod"], undefined],
      ["react-dom", "18.2.0", 20, true, ["prod"], undefined],
      ["react", "18.2.0", 28, false, ["prod"], undefined],
      ["@types/node", "18.11.9", 32, true, ["dev", "optional"], undefined],
      ["tool", "2.0.0", 37, false, ["prod"], "0123456789abcdef0123456789abcdef01234567"],
    ]);
  });

  it("reads v6 keys with peer suffixes and workspace importers, skipping links", async () => {
    const lock = `lockfileVersion: '6.0'

importers:

  .:
    devDependencies:
      typescript:
        specifier: ^5.0.0
        version: 5.2.2

  packages/web:
    dependencies:
      shared:
        specifier: workspace:*
        version: link:../shared
      '@tanstack/react-query':
        specifier: ^5
        version: 5.0.0(react@18.2.0)

packages:

  /@tanstack/react-query@5.0.0(react@18.2.0):
    resolution: {integrity: sha512-a}
    dependencies:
      react: 18.2.0
    dev: false

  /react@18.2.0:
    resolution: {integrity: sha512-b}
    dev: false

  /typescript@5.2.2:
    resolution: {integrity: sha512-c}
    hasBin: true
    dev: true
`;
    const records = await pnpmLockExtractor.extract(lock, memoryContext("pnpm-lock.yaml"));
    expect(records.map((r) => [r.name, r.version, r.line, r.direct, r.scopes])).toEqual([
      ["@tanstack/react-query", "5.0.0", 22, true, ["prod"]],
      ["react", "18.2.0", 28, false, ["prod"]],
      ["typescript", "5.2.2", 32, true, ["dev"]],
    ]);
  });

  it("reads v9 aliases and optional snapshots", async () => {
    const lock = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      string-width-cjs:
        specifier: npm:string-width@^4.2.0
        version: string-width@4.2.3
    optionalDependencies:
      fsevents:
        specifier: ^2.3.2
        version: 2.3.3

packages:

  fsevents@2.3.3:
    resolution: {integrity: sha512-a}
    engines: {node: ^8.16.0 || ^10.6.0 || >=11.0.0}
    os: [darwin]

  string-width@4.2.3:
    resolution: {integrity: sha512-b}

snapshots:

  fsevents@2.3.3:
    optional: true

  string-width@4.2.3: {}
`;
    const records = await pnpmLockExtractor.extract(lock, memoryContext("pnpm-lock.yaml"));
    expect(records.map((r) => [r.name, r.version, r.line, r.direct, r.scopes])).toEqual([
      ["fsevents", "2.3.3", 17, true, ["prod", "optional"]],
      ["string-width", "4.2.3", 22, true, ["prod"]],
    ]);
  });

  it("skips unread package fields but not dependencies that share their names", async () => {
    const lock = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      os:
        specifier: ^0.1.2
        version: 0.1.2

packages:

  os@0.1.2:
    resolution: {integrity: sha512-a}
    engines: {node: '>=0.10'}
    os: [darwin, linux]

  bin@1.0.0:
    resolution: {integrity: sha512-b}
    bin:
      x: cli.js

snapshots:

  os@0.1.2:
    dependencies:
      bin: 1.0.0

  bin@1.0.0: {}
`;
    const records = await pnpmLockExtractor.extract(lock, memoryContext("pnpm-lock.yaml"));
    expect(records.map((r) => [r.name, r.version, r.line, r.direct, r.scopes])).toEqual([
      ["os", "0.1.2", 13, true, ["prod"]],
      ["bin", "1.0.0", 18, false, ["prod"]],
    ]);
  });

  it("names the line of bad YAML and of a missing lockfileVersion", async () => {
    await expect(
      pnpmLockExtractor.extract(
        "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x\n",
        memoryContext("pnpm-lock.yaml"),
      ),
    ).rejects.toMatchObject({
      name: "ExtractorError",
      line: 5,
      message: expect.stringContaining("not valid YAML"),
    });
    await expect(
      pnpmLockExtractor.extract("packages: {}\n", memoryContext("pnpm-lock.yaml")),
    ).rejects.toMatchObject({
      message: expect.stringContaining("lockfileVersion"),
    });
  });
});
