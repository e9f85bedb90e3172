import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFile, selectExtractor } from "./extract-file.js";
import { sharedLockfilesDir } from "./formats/shared-lockfiles.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-extract-file-"));
  await mkdir(join(root, "web"), { recursive: true });
  await copyFile(
    join(sharedLockfilesDir, "npm-package-lock/BookStackApp__BookStack__package-lock.json"),
    join(root, "web/package-lock.json"),
  );
  await copyFile(
    join(sharedLockfilesDir, "poetry-lock/python-poetry__poetry__poetry.lock"),
    join(root, "poetry.lock"),
  );
  await writeFile(
    join(root, "pnpm-lock.yaml"),
    "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: {resolution: {integrity: x}\n",
  );
  await writeFile(join(root, "notes.txt"), "hello\n");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("extractFile", () => {
  it("detects the format by name and names records relative to the root", async () => {
    const result = await extractFile(join(root, "web/package-lock.json"), { root });
    expect(result).toMatchObject({ file: "web/package-lock.json", format: "package-lock.json", errors: [] });
    expect(result.packages).toHaveLength(650);
    expect(result.packages[0]?.file).toBe("web/package-lock.json");
    const poetry = await extractFile(join(root, "poetry.lock"));
    expect(poetry).toMatchObject({ file: "poetry.lock", format: "poetry.lock", errors: [] });
    expect(poetry.packages).toHaveLength(78);
  });

  it("turns a broken file into an error naming the file and line, never a throw", async () => {
    const result = await extractFile(join(root, "pnpm-lock.yaml"), { root });
    expect(result.packages).toEqual([]);
    expect(result.format).toBe("pnpm-lock.yaml");
    expect(result.errors).toEqual([
      {
        file: "pnpm-lock.yaml",
        line: expect.any(Number),
        message: expect.stringMatching(/^pnpm-lock\.yaml:\d+: pnpm-lock\.yaml is not valid YAML/),
      },
    ]);
  });

  it("reports unreadable and unsupported files as errors", async () => {
    const missing = await extractFile(join(root, "nope/yarn.lock"), { root });
    expect(missing.errors[0]).toMatchObject({
      file: "nope/yarn.lock",
      message: expect.stringContaining("cannot read nope/yarn.lock"),
    });
    const unknown = await extractFile(join(root, "notes.txt"), { root });
    expect(unknown).toMatchObject({
      format: "unknown",
      packages: [],
      errors: [{ file: "notes.txt", message: expect.stringContaining("no supported") }],
    });
  });

  it("uses given content and picks extractors by name", async () => {
    const result = await extractFile(join(root, "sub/requirements.txt"), { root, content: "six==1.16.0\n" });
    expect(result.packages).toMatchObject([
      { name: "six", version: "1.16.0", file: "sub/requirements.txt", line: 1 },
    ]);
    expect(selectExtractor("a/b/yarn.lock", undefined)?.name).toBe("yarn.lock");
    expect(selectExtractor("a/uv.lock", undefined)?.name).toBe("uv.lock");
    expect(selectExtractor("README.md", undefined)).toBeUndefined();
  });
});
