// Each action is versioned on its own: the repository's real changesets config, run with the real
// changesets CLI over a copy of the workspace's package.json files and CHANGELOGs, bumps exactly the
// action a changeset names and writes that action's CHANGELOG, leaving every other package alone.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readActionVersions } from "./action-versions.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const changesetBin = join(root, "node_modules/.bin/changeset");

/** Repository-relative directories of the workspace packages (pnpm-workspace.yaml: packages/*, actions/*, test). */
function workspaceDirs(): string[] {
  const dirs = ["test"];
  for (const parent of ["packages", "actions"])
    for (const name of readdirSync(join(root, parent)))
      if (existsSync(join(root, parent, name, "package.json"))) dirs.push(`${parent}/${name}`);
  return dirs;
}

/** A copy of what changesets reads: root files, the config, every package.json and action CHANGELOG. */
function workspaceCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-changesets-"));
  const copy = (path: string) => {
    if (!existsSync(join(root, path))) return;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(root, path), join(dir, path));
  };
  for (const path of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"]) copy(path);
  for (const ws of workspaceDirs()) {
    copy(`${ws}/package.json`);
    copy(`${ws}/CHANGELOG.md`);
  }
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}

const versionOf = (dir: string, ws: string) =>
  (JSON.parse(readFileSync(join(dir, ws, "package.json"), "utf8")) as { version: string }).version;

describe("changesets", () => {
  const config = JSON.parse(readFileSync(join(root, ".changeset/config.json"), "utf8")) as {
    fixed: string[][];
    linked: string[][];
    ignore: string[];
    privatePackages: { version: boolean; tag: boolean };
  };
  const actionPackages = readActionVersions(root).map((a) => `@bulwark/action-${a.name}`);

  it("groups no action with another, versions the private action packages, leaves tagging to packages/release", () => {
    expect(config.fixed).toEqual([]);
    expect(config.linked).toEqual([]);
    for (const name of actionPackages) expect(config.ignore).not.toContain(name);
    expect(config.privatePackages).toEqual({ version: true, tag: false });
  });

  it("a patch changeset for one action bumps that action alone and writes its CHANGELOG", () => {
    const dir = workspaceCopy();
    // An action with a CHANGELOG already, so the new entry must land above the old one.
    const actions = readActionVersions(root);
    const first = actions.find((a) => existsSync(join(root, "actions", a.name, "CHANGELOG.md")));
    const ws = `actions/${first!.name}`;
    const before = Object.fromEntries(workspaceDirs().map((d) => [d, versionOf(dir, d)]));
    writeFileSync(
      join(dir, ".changeset/quiet-fix.md"),
      `---\n"@bulwark/action-${first!.name}": patch\n---\n\nA finding's message names the fixed version.\n`,
    );
    execFileSync(changesetBin, ["version"], { cwd: dir, stdio: "pipe" });

    const { major, minor, patch } = /^(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)$/.exec(
      before[ws]!,
    )!.groups!;
    const bumped = `${major}.${minor}.${Number(patch) + 1}`;
    expect(versionOf(dir, ws)).toBe(bumped);
    const changelog = readFileSync(join(dir, ws, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${bumped}`);
    expect(changelog).toContain("A finding's message names the fixed version.");
    expect(changelog.indexOf(`## ${before[ws]}`)).toBeGreaterThan(changelog.indexOf(`## ${bumped}`));
    for (const other of workspaceDirs().filter((d) => d !== ws))
      expect(versionOf(dir, other), other).toBe(before[other]);
    expect(actions.length).toBeGreaterThan(1);
    // The changeset is consumed.
    expect(existsSync(join(dir, ".changeset/quiet-fix.md"))).toBe(false);
  }, 60_000);
});
