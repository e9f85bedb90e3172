import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { findManifestVersion } from "./manifest-version.js";

function dir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "bulwark-manifest-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

describe("findManifestVersion", () => {
  it("reads package.json with the version's line", async () => {
    const root = dir({ "package.json": '{\n  "name": "x",\n  "version": "2.3.0"\n}\n' });
    expect(await findManifestVersion(root)).toEqual({ file: "package.json", version: "2.3.0", line: 3 });
  });

  it("skips a package.json without a version and reads pyproject.toml [project]", async () => {
    const root = dir({
      "package.json": '{ "private": true }',
      "pyproject.toml":
        '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "x"\nversion = "0.4.1"\n',
    });
    expect(await findManifestVersion(root)).toEqual({ file: "pyproject.toml", version: "0.4.1", line: 6 });
  });

  it("reads [tool.poetry] and Cargo.toml [package]", async () => {
    expect(
      await findManifestVersion(dir({ "pyproject.toml": '[tool.poetry]\nname = "x"\nversion = "1.9.0"\n' })),
    ).toEqual({ file: "pyproject.toml", version: "1.9.0", line: 3 });
    expect(
      await findManifestVersion(
        dir({ "Cargo.toml": '[package]\nname = "x"\nversion = "3.0.0-alpha.1"\nedition = "2021"\n' }),
      ),
    ).toEqual({ file: "Cargo.toml", version: "3.0.0-alpha.1", line: 3 });
  });

  it("returns nothing when no manifest declares a version", async () => {
    expect(
      await findManifestVersion(dir({ "pyproject.toml": '[project]\nname = "x"\ndynamic = ["version"]\n' })),
    ).toBeUndefined();
    expect(await findManifestVersion(dir({}))).toBeUndefined();
  });

  it("names the file (and line) of a manifest it cannot parse", async () => {
    await expect(findManifestVersion(dir({ "package.json": "{ nope" }))).rejects.toThrow(/^package\.json: /);
    await expect(
      findManifestVersion(dir({ "Cargo.toml": '[package]\nname = "x"\nversion = \n' })),
    ).rejects.toThrow(/^Cargo\.toml:3: /);
  });
});
