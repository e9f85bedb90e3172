// Every committed action bundle must be exactly what its sources build to today: rebuild each one
// into a temp dir with the same ncc command and compare byte for byte.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const actionsDir = fileURLToPath(new URL("../../actions/", import.meta.url));
const actions = readdirSync(actionsDir).filter((name) => existsSync(join(actionsDir, name, "action.yml")));
const ncc = createRequire(join(actionsDir, actions[0] ?? ".", "package.json")).resolve(
  "@vercel/ncc/dist/ncc/cli.js",
);

describe("committed action bundles", () => {
  it("exist for every action", () => {
    expect(actions.length).toBeGreaterThan(0);
    for (const name of actions)
      expect(existsSync(join(actionsDir, name, "dist", "index.js")), name).toBe(true);
  });

  it.each(actions)("%s: dist/ equals a fresh build of its sources (run `pnpm bundle` and commit)", (name) => {
    const dir = join(actionsDir, name);
    const out = mkdtempSync(join(tmpdir(), `bundle-${name}-`));
    execFileSync(
      process.execPath,
      [ncc, "build", "src/main.ts", "-o", out, "--license", "licenses.txt", "--target", "es2022", "--quiet"],
      {
        cwd: dir,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    // Every file: ncc splits lazily loaded chunks (e.g. 39.index.js) next to index.js.
    expect(readdirSync(join(dir, "dist")).sort(), `${name}/dist has other files than a fresh build`).toEqual(
      readdirSync(out).sort(),
    );
    for (const file of readdirSync(out)) {
      const fresh = readFileSync(join(out, file));
      const committed = readFileSync(join(dir, "dist", file));
      expect(committed.equals(fresh), `${name}/dist/${file} is stale`).toBe(true);
    }
  });
});
