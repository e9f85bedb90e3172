// The version of each action is its package.json version (bumped by `changeset version`).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface ActionVersion {
  /** Directory name under actions/, also the tag prefix. */
  name: string;
  version: string;
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

export function parseVersion(version: string): {
  major: number;
  minor: number;
  patch: number;
  prerelease?: string;
} {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`"${version}" is not a semantic version (X.Y.Z or X.Y.Z-pre)`);
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    ...(match[4] ? { prerelease: match[4] } : {}),
  };
}

export function readActionVersions(root: string): ActionVersion[] {
  const dir = join(root, "actions");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "action.yml")))
    .map((entry) => {
      const file = join(dir, entry.name, "package.json");
      const version = (JSON.parse(readFileSync(file, "utf8")) as { version?: unknown }).version;
      if (typeof version !== "string") throw new Error(`${file}: no "version"`);
      parseVersion(version);
      return { name: entry.name, version };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
