// The benchmark's source: real published code, downloaded at bench time with the registries' own clients
// (npm pack, apt-get download) and unpacked into a temp dir; never committed.
//   lodash (npm): ~1,000 JavaScript files      lz4 (npm): the LZ4 C library it builds
//   python3-urllib3, python3-requests (Debian): Python      initramfs-tools-core, debianutils (Debian): shell
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const NPM_PACKAGES = ["lodash@4.17.21", "lz4@0.6.5"];
export const DEBIAN_PACKAGES = ["python3-urllib3", "python3-requests", "initramfs-tools-core", "debianutils"];

function run(command: string, args: string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`${command} ${args.join(" ")} failed: ${e.stderr?.toString().trim() || e.message}`);
  }
}

/** Downloads and unpacks the packages under `dir`; returns the directory to scan. */
export function downloadSourceTree(dir: string): string {
  const downloads = join(dir, "downloads");
  const root = join(dir, "src");
  mkdirSync(downloads, { recursive: true });
  run("npm", ["pack", "--silent", "--pack-destination", downloads, ...NPM_PACKAGES], downloads);
  run("apt-get", ["download", ...DEBIAN_PACKAGES], downloads);
  for (const file of readdirSync(downloads).sort()) {
    const name = file.replace(/(_.*)?\.(tgz|deb)$/, "");
    const into = join(root, name);
    mkdirSync(into, { recursive: true });
    if (file.endsWith(".tgz")) run("tar", ["-xzf", join(downloads, file), "-C", into], dir);
    else if (file.endsWith(".deb")) run("dpkg-deb", ["-x", join(downloads, file), into], dir);
  }
  return root;
}
