// Builds ~10 MB lockfiles by scaling real ones: every package is repeated under renamed copies, so the
// shape (nesting, flags, peer suffixes, line layout) stays that of the real file.
import { sharedLockfiles } from "../src/formats/shared-lockfiles.js";

function largest(format: string): string {
  const files = sharedLockfiles(format).sort((a, b) => b.content.length - a.content.length);
  const first = files[0];
  if (!first) throw new Error(`no shared ${format} files`);
  return first.content;
}

/** package-lock.json v3 with the `packages` map repeated under "node_modules/cN-<name>" keys. */
export function scaledPackageLock(targetBytes: number): string {
  const lock = JSON.parse(largest("npm-package-lock")) as {
    packages: Record<string, Record<string, unknown>>;
  };
  const original = Object.entries(lock.packages);
  const copies = Math.ceil(targetBytes / JSON.stringify(lock, null, 2).length);
  const packages: Record<string, unknown> = {};
  for (let c = 0; c < copies; c++) {
    for (const [path, entry] of original) {
      if (c > 0 && !path.includes("node_modules/")) continue;
      const key =
        c === 0
          ? path
          : path.replace(
              /node_modules\/(@[^/]+\/)?/g,
              (m, scope?: string) => `node_modules/${scope ?? ""}c${c}-`,
            );
      packages[key] = entry;
    }
  }
  return JSON.stringify({ ...lock, packages }, null, 2);
}

/** pnpm-lock.yaml v9 with `packages` and `snapshots` entries repeated under "cN-<name>" keys. */
export function scaledPnpmLock(targetBytes: number): string {
  const source = largest("pnpm-lock");
  const head: string[] = [];
  const packages: string[] = [];
  const snapshots: string[] = [];
  let section = head;
  for (const line of source.split("\n")) {
    if (line === "packages:") section = packages;
    else if (line === "snapshots:") section = snapshots;
    else section.push(line);
  }
  const copies = Math.ceil(targetBytes / source.length);
  // Keys sit at two spaces; names keep their scope: "  '@s/x@1'" -> "  '@s/cN-x@1'", "  x@1" -> "  cN-x@1".
  const rename = (block: string[], c: number): string[] =>
    c === 0
      ? block
      : block.map((l) => (/^ {2}\S/.test(l) ? l.replace(/^ {2}('?)(@[^/]+\/)?/, `  $1$2c${c}-`) : l));
  const out = [...head, "packages:"];
  for (let c = 0; c < copies; c++) out.push(...rename(packages, c));
  out.push("snapshots:");
  for (let c = 0; c < copies; c++) out.push(...rename(snapshots, c));
  return out.join("\n");
}
