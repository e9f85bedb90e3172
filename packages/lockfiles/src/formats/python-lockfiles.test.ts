// poetry.lock, Pipfile.lock, uv.lock, pdm.lock and pylock.toml over the real files and small projects.
import { describe, expect, it } from "vitest";
import type { Extractor } from "../extractor.js";
import { pdmLockExtractor } from "./pdm-lock.js";
import { pipfileLockExtractor } from "./pipfile-lock.js";
import { poetryLockExtractor } from "./poetry-lock.js";
import { pylockTomlExtractor } from "./pylock-toml.js";
import { memoryContext, sharedLockfile, sharedLockfiles } from "./shared-lockfiles.js";
import { uvLockExtractor } from "./uv-lock.js";

async function counts(extractor: Extractor, format: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const f of sharedLockfiles(format))
    out[f.name] = (await extractor.extract(f.content, f.context)).length;
  return out;
}

/** Every record's line must hold the header of its table. */
function expectHeaders(content: string, lines: (number | undefined)[], header: string): void {
  const text = content.split("\n");
  for (const line of lines) expect(text[(line ?? 0) - 1]).toBe(header);
}

describe("poetry.lock", () => {
  it("reads every package of the real 2.x lockfiles", async () => {
    expect(await counts(poetryLockExtractor, "poetry-lock")).toEqual({
      "Textualize__textual__poetry.lock": 111,
      "python-poetry__poetry__poetry.lock": 78,
    });
  });

  it("gives groups as scopes, the [[package]] line, git commits, and direct deps from pyproject.toml", async () => {
    const f = sharedLockfile("poetry-lock", "python-poetry__poetry__poetry.lock");
    const records = await poetryLockExtractor.extract(f.content, f.context);
    expectHeaders(
      f.content,
      records.map((r) => r.line),
      "[[package]]",
    );
    expect(records[0]).toEqual({
      name: "anyio",
      version: records[0]?.version,
      ecosystem: "PyPI",
      purl: `pkg:pypi/anyio@${records[0]?.version}`,
      scopes: ["prod"],
      file: "poetry-lock/python-poetry__poetry__poetry.lock",
      line: 3,
    });
    expect(records.find((r) => r.name === "poetry-core")).toMatchObject({
      commit: "e3998b0e111dc03e4aa721fd054c48e5c7de6fc5",
      scopes: ["prod"],
    });
    expect(records.filter((r) => r.scopes?.includes("dev")).length).toBe(25);
  });

  it("reads Poetry 1.x categories and pyproject roots", async () => {
    const lock = `[[package]]
name = "Requests"
version = "2.31.0"
description = ""
category = "main"
optional = false
python-versions = ">=3.7"

[[package]]
name = "pytest"
version = "7.4.0"
category = "dev"
optional = false
python-versions = ">=3.7"

[[package]]
name = "idna"
version = "3.4"
category = "main"
optional = true
python-versions = ">=3.5"

[metadata]
lock-version = "1.1"
`;
    const pyproject = `[tool.poetry.dependencies]
python = "^3.10"
requests = "^2.31"

[tool.poetry.group.test.dependencies]
pytest = "^7"
`;
    const records = await poetryLockExtractor.extract(
      lock,
      memoryContext("svc/poetry.lock", { "pyproject.toml": pyproject }),
    );
    expect(records.map((r) => [r.name, r.version, r.scopes, r.direct, r.line, r.purl])).toEqual([
      ["requests", "2.31.0", ["prod"], true, 1, "pkg:pypi/requests@2.31.0"],
      ["pytest", "7.4.0", ["dev"], true, 9, "pkg:pypi/pytest@7.4.0"],
      ["idna", "3.4", ["prod", "optional"], false, 16, "pkg:pypi/idna@3.4"],
    ]);
  });

  it("names the line of a TOML error", async () => {
    await expect(
      poetryLockExtractor.extract('[[package]]\nname = "a"\nversion = \n', memoryContext("poetry.lock")),
    ).rejects.toMatchObject({
      name: "ExtractorError",
      line: 3,
    });
  });
});

describe("Pipfile.lock", () => {
  it("reads default and develop of the real lockfiles", async () => {
    expect(await counts(pipfileLockExtractor, "pipfile-lock")).toEqual({
      "bridgecrewio__checkov__Pipfile.lock": 186,
      "pypa__pipenv__Pipfile.lock": 110,
    });
    const f = sharedLockfile("pipfile-lock", "pypa__pipenv__Pipfile.lock");
    const records = await pipfileLockExtractor.extract(f.content, f.context);
    expect(records[0]).toEqual({
      name: "exceptiongroup",
      version: "1.3.1",
      ecosystem: "PyPI",
      purl: "pkg:pypi/exceptiongroup@1.3.1",
      scopes: ["prod"],
      file: "pipfile-lock/pypa__pipenv__Pipfile.lock",
      line: 17,
    });
    const lines = f.content.split("\n");
    for (const r of records) expect(lines[(r.line ?? 0) - 1]?.trim()).toMatch(/^"[^"]+": \{$/);
    expect(records.filter((r) => r.scopes?.[0] === "dev").length).toBe(100);
  });

  it("reports git and unpinned entries as unresolved, skips local paths, and reads the Pipfile for direct deps", async () => {
    const lock = JSON.stringify(
      {
        _meta: { hash: { sha256: "x" } },
        default: {
          Django: { version: "==4.2.1" },
          mylib: { git: "https://github.com/o/mylib.git", ref: "0123456789abcdef0123456789abcdef01234567" },
          local: { path: ".", editable: true },
          sqlparse: { version: ">=0.3" },
        },
        develop: { pytest: { version: "==7.0.0" } },
      },
      null,
      4,
    );
    const records = await pipfileLockExtractor.extract(
      lock,
      memoryContext("Pipfile.lock", {
        Pipfile: '[packages]\ndjango = "*"\n\n[dev-packages]\npytest = "*"\n',
      }),
    );
    expect(
      records.map((r) => [r.name, r.version, r.requirement, r.scopes, r.direct, r.commit, r.line]),
    ).toEqual([
      ["django", "4.2.1", undefined, ["prod"], true, undefined, 8],
      [
        "mylib",
        undefined,
        "https://github.com/o/mylib.git",
        ["prod"],
        false,
        "0123456789abcdef0123456789abcdef01234567",
        11,
      ],
      ["sqlparse", undefined, ">=0.3", ["prod"], false, undefined, 19],
      ["pytest", "7.0.0", undefined, ["dev"], true, undefined, 24],
    ]);
  });
});

describe("uv.lock", () => {
  it("reads the real lockfiles, leaving out the projects' own packages", async () => {
    expect(await counts(uvLockExtractor, "uv-lock")).toEqual({
      "pallets__flask__uv.lock": 82,
      "pydantic__pydantic-ai__uv.lock": 341,
      "pydantic__pydantic__uv.lock": 174,
    });
  });

  it("takes direct deps, extras and dev groups from the editable root and scopes the rest through the graph", async () => {
    const f = sharedLockfile("uv-lock", "pallets__flask__uv.lock");
    const records = await uvLockExtractor.extract(f.content, f.context);
    expectHeaders(
      f.content,
      records.map((r) => r.line),
      "[[package]]",
    );
    expect(records.some((r) => r.name === "flask")).toBe(false);
    expect(records.find((r) => r.name === "werkzeug")).toMatchObject({ direct: true, scopes: ["prod"] });
    expect(records.find((r) => r.name === "asgiref")).toMatchObject({ direct: true, scopes: ["prod"] });
    expect(records.find((r) => r.name === "ruff")).toMatchObject({ direct: true, scopes: ["dev"] });
    expect(records.find((r) => r.name === "alabaster")).toMatchObject({
      direct: false,
      scopes: ["dev"],
      line: 10,
    });
    expect(records.find((r) => r.name === "alabaster")?.parents).toEqual(["sphinx"]);
    expect(records.filter((r) => r.direct === false).every((r) => (r.parents?.length ?? 0) > 0)).toBe(true);
  });

  it("reads git sources with their commit", async () => {
    const lock = `version = 1

[[package]]
name = "app"
version = "0.1.0"
source = { virtual = "." }
dependencies = [{ name = "tool" }]

[[package]]
name = "tool"
version = "2.0.0"
source = { git = "https://github.com/o/tool?rev=main#0123456789abcdef0123456789abcdef01234567" }
`;
    const records = await uvLockExtractor.extract(lock, memoryContext("uv.lock"));
    expect(records).toEqual([
      {
        name: "tool",
        version: "2.0.0",
        ecosystem: "PyPI",
        purl: "pkg:pypi/tool@2.0.0",
        direct: true,
        scopes: ["prod"],
        file: "uv.lock",
        line: 9,
        commit: "0123456789abcdef0123456789abcdef01234567",
      },
    ]);
  });
});

describe("pdm.lock", () => {
  it("reads the real lockfiles with groups as scopes", async () => {
    expect(await counts(pdmLockExtractor, "pdm-lock")).toEqual({
      "pdm-project__pdm-backend__pdm.lock": 58,
      "pdm-project__pdm__pdm.lock": 100,
    });
    const f = sharedLockfile("pdm-lock", "pdm-project__pdm__pdm.lock");
    const records = await pdmLockExtractor.extract(f.content, f.context);
    expectHeaders(
      f.content,
      records.map((r) => r.line),
      "[[package]]",
    );
    expect(records[0]).toMatchObject({ name: "anyio", version: "4.13.0", scopes: ["prod"], line: 13 });
    expect(records.filter((r) => r.scopes?.[0] === "dev").length).toBe(60);
  });

  it("reads direct dependencies from a PEP 621 pyproject.toml", async () => {
    const lock = `[metadata]
groups = ["default", "test"]

[[package]]
name = "Flask"
version = "3.0.0"
groups = ["default"]

[[package]]
name = "pytest"
version = "8.0.0"
groups = ["test"]

[[package]]
name = "mypkg"
version = "0.1.0"
path = "./mypkg"
groups = ["default"]
`;
    const pyproject =
      '[project]\nname = "x"\ndependencies = ["flask>=3"]\n\n[tool.pdm.dev-dependencies]\ntest = ["pytest"]\n';
    const records = await pdmLockExtractor.extract(
      lock,
      memoryContext("pdm.lock", { "pyproject.toml": pyproject }),
    );
    expect(records.map((r) => [r.name, r.version, r.scopes, r.direct, r.line])).toEqual([
      ["flask", "3.0.0", ["prod"], true, 4],
      ["pytest", "8.0.0", ["dev"], true, 9],
    ]);
  });
});

describe("pylock.toml", () => {
  const lock = `lock-version = "1.0"
requires-python = ">=3.9"
created-by = "pip"

[[packages]]
name = "Attrs"
version = "25.1.0"
index = "https://pypi.org/simple"

[[packages.wheels]]
url = "https://files.pythonhosted.org/attrs-25.1.0-py3-none-any.whl"
hashes = { sha256 = "abc" }

[[packages]]
name = "tool"
vcs = { type = "git", url = "https://github.com/o/tool.git", commit-id = "0123456789abcdef0123456789abcdef01234567" }

[[packages]]
name = "app"
directory = { path = "." }
`;

  it("reads PEP 751 packages: versions, VCS commits; local directories left out", async () => {
    const records = await pylockTomlExtractor.extract(lock, memoryContext("pylock.toml"));
    expect(records).toEqual([
      {
        name: "attrs",
        version: "25.1.0",
        ecosystem: "PyPI",
        purl: "pkg:pypi/attrs@25.1.0",
        file: "pylock.toml",
        line: 5,
      },
      {
        name: "tool",
        requirement: "https://github.com/o/tool.git",
        ecosystem: "PyPI",
        purl: "pkg:pypi/tool",
        file: "pylock.toml",
        line: 14,
        commit: "0123456789abcdef0123456789abcdef01234567",
      },
    ]);
  });

  it("matches pylock.toml and pylock.<name>.toml only, and requires lock-version", async () => {
    expect(pylockTomlExtractor.matches("a/pylock.toml")).toBe(true);
    expect(pylockTomlExtractor.matches("pylock.dev.toml")).toBe(true);
    expect(pylockTomlExtractor.matches("pylock.a.b.toml")).toBe(false);
    await expect(
      pylockTomlExtractor.extract("[[packages]]\nname = 'x'\n", memoryContext("pylock.toml")),
    ).rejects.toMatchObject({
      message: expect.stringContaining("lock-version"),
    });
  });
});
