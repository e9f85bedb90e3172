// Real rpm databases for tests: small packages built with Debian's rpmbuild, installed with
// `rpm --root --dbpath -i --nodeps` into a fresh sqlite rpmdb, and the database file read back after
// each install step (one per image layer).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface SpecPackage {
  /** Source package name; `subpackage` adds a binary package built from it with a different name. */
  name: string;
  version: string;
  release: string;
  epoch?: number;
  subpackage?: string;
}

export const RPM_QF = "%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM}\\n";

function spec(p: SpecPackage): string {
  return [
    `Name: ${p.name}`,
    `Version: ${p.version}`,
    `Release: ${p.release}`,
    ...(p.epoch !== undefined ? [`Epoch: ${p.epoch}`] : []),
    "Summary: bulwark test package",
    "License: MIT",
    "BuildArch: noarch",
    "%description",
    "A package for the rpm inventory tests.",
    ...(p.subpackage
      ? [
          `%package -n ${p.subpackage}`,
          "Summary: sub",
          `%description -n ${p.subpackage}`,
          "Sub.",
          `%files -n ${p.subpackage}`,
          `/usr/share/${p.subpackage}/sub.txt`,
        ]
      : []),
    "%install",
    `mkdir -p %{buildroot}/usr/share/${p.name}`,
    `echo ${p.name} > %{buildroot}/usr/share/${p.name}/data.txt`,
    ...(p.subpackage
      ? [
          `mkdir -p %{buildroot}/usr/share/${p.subpackage}`,
          `echo sub > %{buildroot}/usr/share/${p.subpackage}/sub.txt`,
        ]
      : []),
    "%files",
    `/usr/share/${p.name}/data.txt`,
    "",
  ].join("\n");
}

/** Builds the packages and returns their .rpm paths. */
export async function buildRpms(dir: string, packages: SpecPackage[]): Promise<string[]> {
  const top = join(dir, "rpmbuild");
  const rpms: string[] = [];
  for (const p of packages) {
    const file = join(dir, `${p.name}-${p.version}.spec`);
    await writeFile(file, spec(p));
    execFileSync("rpmbuild", ["--define", `_topdir ${top}`, "--quiet", "-bb", file], { stdio: "pipe" });
    for (const name of [p.name, ...(p.subpackage ? [p.subpackage] : [])])
      rpms.push(join(top, "RPMS/noarch", `${name}-${p.version}-${p.release}.noarch.rpm`));
  }
  return rpms;
}

export interface RpmRoot {
  root: string;
  dbpath: string;
}

export async function rpmRoot(dir: string, dbpath = "/var/lib/rpm"): Promise<RpmRoot> {
  const root = join(dir, "root");
  await mkdir(join(root, dbpath), { recursive: true });
  return { root, dbpath };
}

const sqlite = ["--define", "_db_backend sqlite"];

/** Installs (or with `upgrade`, upgrades) rpms into the root and returns the rpmdb.sqlite bytes after. */
export function install(at: RpmRoot, rpms: string[], upgrade = false): Buffer {
  execFileSync(
    "rpm",
    ["--root", at.root, "--dbpath", at.dbpath, ...sqlite, upgrade ? "-U" : "-i", "--nodeps", ...rpms],
    {
      stdio: "pipe",
    },
  );
  // rpm checkpoints its write-ahead log when it closes the database, so the main file is complete.
  return readFileSync(join(at.root, at.dbpath, "rpmdb.sqlite"));
}

/** `rpm -qa` of the root, one line per package as RPM_QF formats it, sorted. */
export function rpmQueryAll(at: RpmRoot): string[] {
  return execFileSync("rpm", ["--root", at.root, "--dbpath", at.dbpath, ...sqlite, "-qa", "--qf", RPM_QF], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean)
    .sort();
}
