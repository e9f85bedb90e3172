import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discover, findSupportedFiles } from "./discover.js";
import { sharedLockfilesDir } from "./formats/shared-lockfiles.js";

const run = promisify(execFile);
let root: string;
let outside: string;

async function put(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bulwark-discover-"));
  outside = await mkdtemp(join(tmpdir(), "bulwark-discover-outside-"));
  await run("git", ["init", "-q", root]);
  await put("requirements.txt", "flask==3.0.0\n");
  await put("services/api/poetry.lock", "");
  await copyFile(
    join(sharedLockfilesDir, "poetry-lock/python-poetry__poetry__poetry.lock"),
    join(root, "services/api/poetry.lock"),
  );
  await put("web/yarn.lock", '# yarn lockfile v1\n\nleft-pad@^1:\n  version "1.3.0"\n');
  await put("web/node_modules/x/package-lock.json", "{}");
  await put("vendor/lib/requirements.txt", "six==1.0\n");
  await put("dist/requirements.txt", "six==1.0\n");
  await put(".gitignore", "generated/\n*.bak.txt\n");
  await put("generated/requirements.txt", "six==1.0\n");
  await put("tools/.gitignore", "requirements-local.txt\n");
  await put("tools/requirements-local.txt", "six==1.0\n");
  await put("tools/requirements-dev.txt", "pytest==8.0.0\n");
  await put("broken/pnpm-lock.yaml", "lockfileVersion: '9.0'\npackages: [\n");
  await put("examples/requirements.txt", "six==1.0\n");
  await writeFile(join(outside, "requirements.txt"), "evil==1.0\n");
  await symlink(outside, join(root, "linked-out"));
  await symlink(join(root, "tools"), join(root, "linked-in"));
  await symlink(root, join(root, "tools/loop"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe("discover", () => {
  it("finds supported files, honouring .gitignore files and skipped folders, never leaving the root", async () => {
    const { files } = await findSupportedFiles(root);
    expect(files).toEqual([
      "requirements.txt",
      "broken/pnpm-lock.yaml",
      "examples/requirements.txt",
      "services/api/poetry.lock",
      "tools/requirements-dev.txt",
      "web/yarn.lock",
    ]);
  });

  it("applies include and exclude globs and custom skipped folders", async () => {
    const { files } = await findSupportedFiles(root, {
      exclude: ["examples/**", "linked-in"],
      include: ["**/*.txt", "**/*.lock"],
    });
    expect(files).toEqual([
      "requirements.txt",
      "services/api/poetry.lock",
      "tools/requirements-dev.txt",
      "web/yarn.lock",
    ]);
    const all = await findSupportedFiles(root, { skipDirs: [".git"], gitignore: false });
    expect(all.files).toContain("vendor/lib/requirements.txt");
    expect(all.files).toContain("generated/requirements.txt");
    expect(all.files).toContain("web/node_modules/x/package-lock.json");
    expect(all.files.some((f) => f.startsWith("linked-out"))).toBe(false);
  });

  it("extracts every file, a broken one giving an error result while the rest go on", async () => {
    const results = await discover(root, { concurrency: 2 });
    const byFile = Object.fromEntries(results.map((r) => [r.file, r]));
    expect(Object.keys(byFile).sort()).toEqual([
      "broken/pnpm-lock.yaml",
      "examples/requirements.txt",
      "requirements.txt",
      "services/api/poetry.lock",
      "tools/requirements-dev.txt",
      "web/yarn.lock",
    ]);
    expect(byFile["services/api/poetry.lock"]?.packages).toHaveLength(78);
    expect(byFile["web/yarn.lock"]?.packages).toMatchObject([
      { name: "left-pad", version: "1.3.0", file: "web/yarn.lock", line: 3 },
    ]);
    expect(byFile["broken/pnpm-lock.yaml"]).toMatchObject({
      packages: [],
      errors: [{ file: "broken/pnpm-lock.yaml", line: expect.any(Number) }],
    });
    expect(byFile["requirements.txt"]?.packages).toMatchObject([{ name: "flask", version: "3.0.0" }]);
  });
});
