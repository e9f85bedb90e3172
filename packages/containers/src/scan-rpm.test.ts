// rpm inventories end to end: real sqlite rpm databases made by Debian's rpm (rpmbuild + rpm --root -i),
// put in image layers pushed to Debian's docker-registry, scanned, and compared with `rpm -qa`.
import { OfflineSource } from "@bulwark/osv";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageInventory } from "./scan-image.js";
import { scanImage } from "./scan-image.js";
import { parseImageReference } from "./reference.js";
import { RegistryClient } from "./registry/client.js";
import { registryImageSource } from "./registry/registry-source.js";
import { matchInventories } from "./matching/match-inventories.js";
import { layerTar } from "./test-support/layer-tar.js";
import { pushImage } from "./test-support/push-image.js";
import { startRegistry, type RunningRegistry } from "./test-support/registry-server.js";
import { buildRpms, install, rpmQueryAll, rpmRoot, type RpmRoot } from "./test-support/rpm-database.js";

let registry: RunningRegistry;
let client: RegistryClient;
let work: string;
let root: RpmRoot;
let firstDb: Buffer;
let secondDb: Buffer;
let expected: string[];

const OSV_DB = fileURLToPath(new URL("../../../../shared/osv-db/", import.meta.url));
const ROCKY = 'NAME="Rocky Linux"\nID="rocky"\nVERSION_ID="9.3"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\n';
const ref = (text: string) => parseImageReference(`${registry.host}/${text}`);
const asRpmQa = (inv: ImageInventory) =>
  inv.packages
    .filter((p) => p.source === "rpm")
    .map((p) => `${p.name} ${p.version} ${p.arch} ${p.sourceRpm}`)
    .sort();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bulwark-rpm-test-"));
  const [openssl, opensslLibs, bashOld, bashNew, zlib] = await buildRpms(work, [
    { name: "openssl", version: "3.0.7", release: "24.el9", epoch: 1, subpackage: "openssl-libs" },
    { name: "bash", version: "5.1.8", release: "6.el9" },
    { name: "bash", version: "5.1.8", release: "9.el9" },
    { name: "zlib", version: "1.2.11", release: "40.el9" },
  ]).then((rpms) => rpms);
  root = await rpmRoot(work);
  firstDb = install(root, [openssl!, opensslLibs!, bashOld!]);
  install(root, [zlib!]);
  secondDb = install(root, [bashNew!], true);
  expected = rpmQueryAll(root);
  registry = await startRegistry();
  client = new RegistryClient({ dockerConfig: false });
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("rpm inventory from rpmdb.sqlite", () => {
  it("equals rpm -qa, with epochs, source packages, the Rocky ecosystem and the introducing layers", async () => {
    expect(expected).toEqual([
      "bash 0:5.1.8-9.el9 noarch bash-5.1.8-9.el9.src.rpm",
      "openssl 1:3.0.7-24.el9 noarch openssl-3.0.7-24.el9.src.rpm",
      "openssl-libs 1:3.0.7-24.el9 noarch openssl-3.0.7-24.el9.src.rpm",
      "zlib 0:1.2.11-40.el9 noarch zlib-1.2.11-40.el9.src.rpm",
    ]);
    await pushImage(client, ref("rocky/app"), "1", [
      {
        createdBy: "ADD rocky-rootfs.tar /",
        data: await layerTar(
          [
            { path: "etc/os-release", content: ROCKY },
            { path: "var/lib/rpm/rpmdb.sqlite", content: firstDb },
          ],
          { gzip: true },
        ),
      },
      {
        createdBy: "RUN dnf install -y zlib && dnf upgrade -y bash",
        data: await layerTar([{ path: "var/lib/rpm/rpmdb.sqlite", content: secondDb }], { gzip: true }),
      },
    ]);
    const inventory = await scanImage(await registryImageSource(client, ref("rocky/app:1")), {
      extractors: [],
    });
    expect(inventory.problems).toEqual([]);
    expect(asRpmQa(inventory)).toEqual(expected);
    const byName = new Map(inventory.packages.map((p) => [p.name, p]));
    expect(byName.get("openssl-libs")).toMatchObject({
      ecosystem: "Rocky Linux:9",
      file: "/var/lib/rpm/rpmdb.sqlite",
      sourceRpm: "openssl-3.0.7-24.el9.src.rpm",
      purl: "pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=noarch&epoch=1&upstream=openssl-3.0.7-24.el9.src.rpm&distro=rocky-9.3",
      layer: { index: 0, createdBy: "ADD rocky-rootfs.tar /" },
    });
    expect(byName.get("bash")?.layer.index).toBe(1);
    expect(byName.get("zlib")?.layer.index).toBe(1);
  });

  it("a distribution OSV has no advisories for is listed with a warning; Fedora's linked usr/lib/sysimage is read once", async () => {
    await pushImage(client, ref("fedora/app"), "1", [
      {
        createdBy: "ADD fedora",
        data: await layerTar([
          { path: "usr/lib/os-release", content: "ID=fedora\nVERSION_ID=40\n" },
          { path: "etc/os-release", symlink: "../usr/lib/os-release" },
          { path: "usr/lib/sysimage/rpm/rpmdb.sqlite", content: secondDb },
          { path: "var/lib/rpm", symlink: "../../usr/lib/sysimage/rpm" },
          { path: "usr/lib/sysimage/rpm/rpmdb.sqlite-wal", content: Buffer.alloc(32) },
        ]),
      },
    ]);
    const inventory = await scanImage(await registryImageSource(client, ref("fedora/app:1")), {
      extractors: [],
    });
    expect(asRpmQa(inventory)).toEqual(expected);
    expect(inventory.packages.map((p) => p.ecosystem)).toEqual(Array(4).fill("fedora"));
    expect(inventory.problems).toEqual([
      expect.objectContaining({
        level: "warning",
        path: "/usr/lib/sysimage/rpm/rpmdb.sqlite-wal",
        message: expect.stringContaining("32 bytes of write-ahead log that is not read"),
      }),
      expect.objectContaining({
        level: "warning",
        path: "/usr/lib/sysimage/rpm/rpmdb.sqlite",
        message: expect.stringMatching(
          /4 rpm packages .* cannot be matched .* OSV has no ecosystem for ID=fedora VERSION_ID=40/,
        ),
      }),
    ]);
  });

  it("matches AlmaLinux packages by binary name and epoch:version-release against the real ALSA records", async () => {
    await pushImage(client, ref("alma/app"), "1", [
      {
        createdBy: "ADD alma",
        data: await layerTar([
          { path: "etc/os-release", content: 'ID="almalinux"\nVERSION_ID="9.3"\n' },
          { path: "var/lib/rpm/rpmdb.sqlite", content: firstDb },
        ]),
      },
    ]);
    const inventory = await scanImage(await registryImageSource(client, ref("alma/app:1")), {
      extractors: [],
    });
    expect(inventory.os?.ecosystem).toBe("AlmaLinux:9");
    const matched = await matchInventories([inventory], new OfflineSource({ base: OSV_DB }));
    expect(matched.problems).toEqual([]);
    const ids = (name: string) =>
      [...matched.matches.entries()]
        .filter(([key]) => key.startsWith(`AlmaLinux:9/${name}@`))
        .flatMap(([, ms]) => ms.flatMap((m) => m.ids));
    // openssl 1:3.0.7-24.el9 is before ALSA-2024:0310's fix 1:3.0.7-25.el9_3, for both binary packages.
    expect(ids("openssl")).toContain("ALSA-2024:0310");
    expect(ids("openssl-libs")).toContain("ALSA-2024:0310");
  });

  it("Berkeley DB and ndb databases and a broken rpmdb.sqlite are errors naming the file", async () => {
    await pushImage(client, ref("old/app"), "1", [
      {
        createdBy: "ADD centos7",
        data: await layerTar([
          { path: "etc/os-release", content: 'ID="centos"\nVERSION_ID="7"\n' },
          { path: "var/lib/rpm/Packages", content: Buffer.alloc(4096) },
          { path: "usr/lib/sysimage/rpm/Packages.db", content: Buffer.alloc(4096) },
          { path: "usr/lib/sysimage/rpm/rpmdb.sqlite", content: "SQLite format 3\0 but truncated" },
        ]),
      },
    ]);
    const inventory = await scanImage(await registryImageSource(client, ref("old/app:1")), {
      extractors: [],
    });
    expect(inventory.packages).toEqual([]);
    const errors = inventory.problems.filter((p) => p.level === "error");
    expect(errors.map((p) => p.path)).toEqual([
      "/usr/lib/sysimage/rpm/rpmdb.sqlite",
      "/var/lib/rpm/Packages",
      "/usr/lib/sysimage/rpm/Packages.db",
    ]);
    expect(errors[0]?.message).toMatch(/^layer 1: \/usr\/lib\/sysimage\/rpm\/rpmdb\.sqlite: /);
    expect(errors[1]?.message).toMatch(
      /\/var\/lib\/rpm\/Packages is in the Berkeley DB format, which is not supported/,
    );
    expect(errors[2]?.message).toMatch(/Packages\.db is in the ndb format/);
  });
});
