// A real Debian root filesystem for the tests, as an uncompressed tar: `debootstrap --variant=minbase
// bookworm` from the mirror apt is configured with, made once and cached; when debootstrap cannot run,
// a small rootfs from this machine's own dpkg status and os-release.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const CACHE_DIR = process.env.BULWARK_CONTAINERS_CACHE ?? join(tmpdir(), "bulwark-containers-cache");
export const ROOTFS_TAR = join(CACHE_DIR, "debian-bookworm-minbase.tar");
export const FALLBACK_TAR = join(CACHE_DIR, "host-dpkg-rootfs.tar");

/** The mirror apt uses here (deb822 or one-line sources), so debootstrap reaches the same place. */
export function debianMirror(): string {
  for (const file of ["/etc/apt/sources.list.d/debian.sources", "/etc/apt/sources.list"]) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    const deb822 = /^URIs:\s*(\S+\/debian)\/?\s*$/m.exec(text);
    if (deb822?.[1]) return deb822[1];
    const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+\/debian)\/?\s/m.exec(text);
    if (oneLine?.[1]) return oneLine[1];
  }
  return "http://deb.debian.org/debian";
}

async function tarDirectory(dir: string, out: string): Promise<void> {
  const partial = `${out}.partial`;
  await run("tar", ["--numeric-owner", "-C", dir, "-cf", partial, "."], { maxBuffer: 1 << 20 });
  await rename(partial, out);
}

async function debootstrap(): Promise<string> {
  const target = await mkdtemp(join(CACHE_DIR, "debootstrap-"));
  try {
    await run("debootstrap", ["--variant=minbase", "bookworm", target, debianMirror()], {
      timeout: 15 * 60_000,
      maxBuffer: 64 << 20,
    });
    // Device nodes and mount points are of no use to the tests and tar them poorly.
    await rm(join(target, "dev"), { recursive: true, force: true });
    await mkdir(join(target, "dev"));
    await tarDirectory(target, ROOTFS_TAR);
    return ROOTFS_TAR;
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

async function hostRootfs(): Promise<string> {
  const target = await mkdtemp(join(CACHE_DIR, "host-"));
  try {
    await mkdir(join(target, "var/lib/dpkg"), { recursive: true });
    await mkdir(join(target, "etc"), { recursive: true });
    await mkdir(join(target, "usr/lib"), { recursive: true });
    await writeFile(join(target, "var/lib/dpkg/status"), readFileSync("/var/lib/dpkg/status"));
    await writeFile(join(target, "usr/lib/os-release"), readFileSync("/etc/os-release"));
    await run("ln", ["-s", "../usr/lib/os-release", join(target, "etc/os-release")]);
    await tarDirectory(target, FALLBACK_TAR);
    return FALLBACK_TAR;
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

/** Path of the cached rootfs tar, making it on first use. */
export async function ensureDebianRootfs(): Promise<{ tar: string; debootstrapped: boolean; note?: string }> {
  await mkdir(CACHE_DIR, { recursive: true });
  if (existsSync(ROOTFS_TAR)) return { tar: ROOTFS_TAR, debootstrapped: true };
  if (process.env.BULWARK_SKIP_DEBOOTSTRAP !== "1") {
    try {
      return { tar: await debootstrap(), debootstrapped: true };
    } catch (error) {
      const note = `debootstrap failed (${(error as Error).message.split("\n")[0]}); using this machine's dpkg status`;
      return {
        tar: existsSync(FALLBACK_TAR) ? FALLBACK_TAR : await hostRootfs(),
        debootstrapped: false,
        note,
      };
    }
  }
  return { tar: existsSync(FALLBACK_TAR) ? FALLBACK_TAR : await hostRootfs(), debootstrapped: false };
}

/** Leftovers of runs that were killed mid-debootstrap. */
export async function cleanStaleWork(): Promise<void> {
  if (!existsSync(CACHE_DIR)) return;
  for (const name of await readdir(CACHE_DIR)) {
    if (name.startsWith("debootstrap-") || name.startsWith("host-") || name.endsWith(".partial")) {
      await rm(join(CACHE_DIR, name), { recursive: true, force: true });
    }
  }
}
