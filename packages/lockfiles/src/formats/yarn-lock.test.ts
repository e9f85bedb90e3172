import { describe, expect, it } from "vitest";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";
import { yarnLockExtractor } from "./yarn-lock.js";

describe("yarn.lock", () => {
  it("reads every entry of the real v1 and Berry lockfiles (Berry workspaces and duplicate patches left out)", async () => {
    const counts: Record<string, number> = {};
    for (const f of sharedLockfiles("yarn-lock"))
      counts[f.name] = (await yarnLockExtractor.extract(f.content, f.context)).length;
    expect(counts).toEqual({
      "excalidraw__excalidraw__yarn.lock": 1444,
      // SOURCES.tsv counts 733 / 542 entries: one workspace and two patch entries (fsevents, resolve) each.
      "jenkinsci__jenkins__yarn.lock": 730,
      "monicahq__monica__yarn.lock": 540,
      "netbox-community__netbox__netbox__project-static__yarn.lock": 497,
      "webpack__webpack__yarn.lock": 1397,
    });
  });

  it("points at each entry's key line and reports aliases under the real name (v1)", async () => {
    const f = sharedLockfile("yarn-lock", "excalidraw__excalidraw__yarn.lock");
    const records = await yarnLockExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toMatch(/^\S.*:$/);
    const alias = records.find((r) => r.line === 9434);
    expect(alias).toMatchObject({
      name: "string-width",
      ecosystem: "npm",
      purl: `pkg:npm/string-width@${alias?.version}`,
    });
    expect(records.some((r) => r.name === "string-width-cjs")).toBe(false);
  });

  it("takes Berry's direct dependencies from the workspace entry, names from `resolution`", async () => {
    const f = sharedLockfile("yarn-lock", "jenkinsci__jenkins__yarn.lock");
    const records = await yarnLockExtractor.extract(f.content, f.context);
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]).toMatch(/^".*":$|^\S.*:$/);
    expect(records[0]).toEqual({
      name: "@asamuzakjp/css-color",
      version: "6.0.7",
      ecosystem: "npm",
      purl: "pkg:npm/%40asamuzakjp/css-color@6.0.7",
      file: "yarn-lock/jenkinsci__jenkins__yarn.lock",
      line: 8,
      direct: false,
      parents: ["jsdom"], // jsdom@30.0.1 depends on it, and the workspace on jsdom
    });
    expect(records.filter((r) => r.direct).length).toBe(37);
    expect(records.filter((r) => r.name === "fsevents")).toHaveLength(1);
    expect(records.some((r) => r.name === "jenkins-ui")).toBe(false);
  });

  it("uses package.json beside a v1 lockfile for direct deps and prod/dev scopes through the graph", async () => {
    const lock = `# yarn lockfile v1


"@scope/a@^1.0.0", "@scope/a@^1.1.0":
  version "1.1.0"
  resolved "https://registry.yarnpkg.com/@scope/a/-/a-1.1.0.tgz#abc"
  dependencies:
    b "^2.0.0"

b@^2.0.0:
  version "2.3.0"

c@^3:
  version "3.0.0"
  dependencies:
    d "~4.0.0"
  optionalDependencies:
    b "^2.0.0"

d@~4.0.0:
  version "4.0.1"

mylib@github:o/mylib#main:
  version "0.1.0"
  resolved "https://codeload.github.com/o/mylib/tar.gz/0123456789abcdef0123456789abcdef01234567"

local@file:../local:
  version "1.0.0"
`;
    const context = memoryContext("web/yarn.lock", {
      "package.json": JSON.stringify({
        dependencies: { "@scope/a": "^1.0.0", mylib: "github:o/mylib#main" },
        devDependencies: { c: "^3" },
      }),
    });
    const records = await yarnLockExtractor.extract(lock, context);
    expect(records.map((r) => [r.name, r.version, r.line, r.direct, r.scopes, r.commit])).toEqual([
      ["@scope/a", "1.1.0", 4, true, ["prod"], undefined],
      ["b", "2.3.0", 10, false, ["prod"], undefined],
      ["c", "3.0.0", 13, true, ["dev"], undefined],
      ["d", "4.0.1", 20, false, ["dev"], undefined],
      ["mylib", "0.1.0", 23, true, ["prod"], "0123456789abcdef0123456789abcdef01234567"],
    ]);
    expect(records[0]?.file).toBe("web/yarn.lock");
    // Through which direct dependency the transitive ones come.
    expect(records.map((r) => r.parents)).toEqual([undefined, ["@scope/a"], undefined, ["c"], undefined]);
  });

  it("reads a Berry lockfile with a patch, a workspace and a git dependency", async () => {
    const lock = `__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    left-pad: "npm:^1.3.0"
    resolve: "patch:resolve@npm%3A^1.22.0#optional!builtin<compat/resolve>"
  languageName: unknown
  linkType: soft

"left-pad@npm:^1.3.0":
  version: 1.3.0
  resolution: "left-pad@npm:1.3.0"
  languageName: node
  linkType: hard

"resolve@npm:^1.22.0":
  version: 1.22.8
  resolution: "resolve@npm:1.22.8"
  languageName: node
  linkType: hard

"resolve@patch:resolve@npm%3A^1.22.0#optional!builtin<compat/resolve>":
  version: 1.22.8
  resolution: "resolve@patch:resolve@npm%3A1.22.8#optional!builtin<compat/resolve>::version=1.22.8&hash=c3c19d"
  languageName: node
  linkType: hard

"tool@https://github.com/o/tool.git#commit=89abcdef0123456789abcdef0123456789abcdef":
  version: 2.0.0
  resolution: "tool@https://github.com/o/tool.git#commit=89abcdef0123456789abcdef0123456789abcdef"
  languageName: node
  linkType: hard
`;
    const records = await yarnLockExtractor.extract(lock, memoryContext("yarn.lock"));
    expect(records.map((r) => [r.name, r.version, r.line, r.direct, r.commit])).toEqual([
      ["left-pad", "1.3.0", 14, true, undefined],
      ["resolve", "1.22.8", 20, false, undefined],
      ["tool", "2.0.0", 32, false, "89abcdef0123456789abcdef0123456789abcdef"],
    ]);
  });

  it("names the line of a broken v1 entry and of a YAML error in Berry", async () => {
    await expect(
      yarnLockExtractor.extract(
        'a@^1:\n  version "1.0.0"\n  resolved "https://x\n',
        memoryContext("yarn.lock"),
      ),
    ).rejects.toMatchObject({ name: "ExtractorError", line: 3 });
    await expect(
      yarnLockExtractor.extract('a@^1:\n  resolved "https://x"\n', memoryContext("yarn.lock")),
    ).rejects.toMatchObject({ line: 1, message: expect.stringContaining("no version") });
    await expect(
      yarnLockExtractor.extract(
        '__metadata:\n  version: 8\n\n"a@npm:^1":\n  version: 1.0.0\n   resolution: "a@npm:1.0.0"\n',
        memoryContext("yarn.lock"),
      ),
    ).rejects.toMatchObject({ name: "ExtractorError", line: 5 });
  });
});
