import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { findDeclaredRuntimes, nodeCycle, pythonCycle } from "./declared-runtimes.js";

function dir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "bulwark-runtimes-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

describe("runtime cycles", () => {
  it.each([
    ["18", "18"],
    ["v18.17.0", "18"],
    [">=20.19", "20"],
    ["^22.1", "22"],
    ["20.x", "20"],
    [">=16 <23", "16"],
    ["lts/*", undefined],
    ["node", undefined],
  ])("node %s -> %s", (text, cycle) => expect(nodeCycle(text)).toBe(cycle));

  it.each([
    ["3.11.4", "3.11"],
    ["3.9", "3.9"],
    [">=3.8", "3.8"],
    ["~=3.10", "3.10"],
    [">=3.8,<4", "3.8"],
    ["pypy3.10", undefined],
  ])("python %s -> %s", (text, cycle) => expect(pythonCycle(text)).toBe(cycle));
});

describe("findDeclaredRuntimes", () => {
  it("reads every place a project declares Node.js and Python, with lines", async () => {
    const root = dir({
      "package.json": '{\n  "name": "x",\n  "engines": {\n    "node": ">=18"\n  }\n}\n',
      ".nvmrc": "v20.11.1\n",
      ".node-version": "22\n",
      ".python-version": "3.12.1\n",
      "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.9"\n',
      ".github/workflows/ci.yml": [
        "jobs:",
        "  test:",
        "    strategy:",
        "      matrix:",
        "        node: [18, 20]",
        "    steps:",
        "      - uses: actions/setup-node@v4",
        "        with:",
        "          node-version: ${{ matrix.node }}",
        "      - uses: actions/setup-node@v4",
        "        with:",
        "          node-version: '16.x'",
        "      - uses: actions/setup-python@v5",
        "        with:",
        '          python-version: ["3.8", "3.13"]',
      ].join("\n"),
    });
    const { runtimes, errors } = await findDeclaredRuntimes(root);
    expect(errors).toEqual([]);
    expect(runtimes.map((r) => [r.runtime, r.cycle, r.file, r.line, r.minimum])).toEqual([
      ["nodejs", "18", "package.json", 4, true],
      ["nodejs", "20", ".nvmrc", 1, false],
      ["nodejs", "22", ".node-version", 1, false],
      ["python", "3.12", ".python-version", 1, false],
      ["python", "3.9", "pyproject.toml", 3, true],
      ["nodejs", "18", ".github/workflows/ci.yml", 5, false],
      ["nodejs", "20", ".github/workflows/ci.yml", 5, false],
      ["nodejs", "16", ".github/workflows/ci.yml", 12, false],
      ["python", "3.8", ".github/workflows/ci.yml", 15, false],
      ["python", "3.13", ".github/workflows/ci.yml", 15, false],
    ]);
  });

  it("reports manifests it cannot parse, naming them", async () => {
    const { runtimes, errors } = await findDeclaredRuntimes(
      dir({ "package.json": "{ bad", "pyproject.toml": "[project\n", ".nvmrc": "18\n" }),
    );
    expect(runtimes.map((r) => r.file)).toEqual([".nvmrc"]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^package\.json: /);
    expect(errors[1]).toMatch(/^pyproject\.toml: /);
  });
});
