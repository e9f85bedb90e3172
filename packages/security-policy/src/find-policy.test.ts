import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPolicy, MAX_POLICY_BYTES } from "./find-policy.js";

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-policy-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe("findPolicy", () => {
  it("prefers the root, then .github/, then docs/", async () => {
    const all = { "SECURITY.md": "root", ".github/SECURITY.md": "github", "docs/SECURITY.md": "docs" };
    expect((await findPolicy(repo(all)))?.path).toBe("SECURITY.md");
    const { "SECURITY.md": _root, ...rest } = all;
    expect((await findPolicy(repo(rest)))?.path).toBe(".github/SECURITY.md");
    expect((await findPolicy(repo({ "docs/SECURITY.md": "docs" })))?.content).toBe("docs");
  });

  it("matches file names case-insensitively and keeps the real name", async () => {
    expect((await findPolicy(repo({ ".github/security.md": "x" })))?.path).toBe(".github/security.md");
    expect((await findPolicy(repo({ "Security.MD": "x" })))?.path).toBe("Security.MD");
  });

  it("takes Markdown anywhere over other extensions, then .markdown, .txt, .rst", async () => {
    expect((await findPolicy(repo({ "SECURITY.txt": "t", "docs/SECURITY.md": "m" })))?.path).toBe(
      "docs/SECURITY.md",
    );
    expect((await findPolicy(repo({ "SECURITY.rst": "r", "SECURITY.markdown": "m" })))?.path).toBe(
      "SECURITY.markdown",
    );
    expect((await findPolicy(repo({ ".github/SECURITY.rst": "r", "SECURITY.txt": "t" })))?.path).toBe(
      "SECURITY.txt",
    );
    expect((await findPolicy(repo({ "docs/SECURITY.rst": "r" })))?.path).toBe("docs/SECURITY.rst");
  });

  it("returns nothing when there is no policy, and skips a directory named like one", async () => {
    expect(await findPolicy(repo({ "README.md": "hi" }))).toBeUndefined();
    const dir = repo({ "docs/SECURITY.md": "real" });
    mkdirSync(join(dir, "SECURITY.md"));
    expect((await findPolicy(dir))?.path).toBe("docs/SECURITY.md");
  });

  it("refuses an oversized file with an error naming it", async () => {
    const dir = repo({ ".github/SECURITY.md": "x".repeat(MAX_POLICY_BYTES + 1) });
    await expect(findPolicy(dir)).rejects.toThrow(/^\.github\/SECURITY\.md: \d+ bytes is too large/);
  });
});
