// End to end against Debian's docker-registry: images built from a debootstrapped Debian rootfs are
// pushed with this package's client, then pulled, read layer by layer and inventoried.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImageReference } from "./reference.js";
import { RegistryClient } from "./registry/client.js";
import { DigestMismatchError } from "./registry/digest-stream.js";
import { registryImageSource } from "./registry/registry-source.js";
import { LayerCache } from "./layers/layer-cache.js";
import { parseDpkgStatus } from "./inventory/dpkg.js";
import { scanImage, type ImageInventory } from "./scan-image.js";
import { ensureDebianRootfs } from "./test-support/debian-rootfs.js";
import { layerTar } from "./test-support/layer-tar.js";
import { pushImage, pushIndex, type BuiltLayer } from "./test-support/push-image.js";
import { startRegistry, type RunningRegistry } from "./test-support/registry-server.js";

let registry: RunningRegistry;
let work: string;
let client: RegistryClient;
let base: BuiltLayer;
let baseStatus: string;
let dpkgQuery: string[];
let debootstrapped: boolean;

const ref = (text: string) => parseImageReference(`${registry.host}/${text}`);
const nameVersions = (inv: ImageInventory) =>
  inv.packages
    .filter((p) => p.source === "dpkg")
    .map((p) => `${p.name} ${p.version}`)
    .sort();

beforeAll(async () => {
  const rootfs = await ensureDebianRootfs();
  debootstrapped = rootfs.debootstrapped;
  work = await mkdtemp(join(tmpdir(), "bulwark-containers-test-"));
  execFileSync("tar", ["-xf", rootfs.tar, "-C", work, "./var/lib/dpkg/status"]);
  baseStatus = readFileSync(join(work, "var/lib/dpkg/status"), "utf8");
  // Installed packages only (ii/hi): a fallback rootfs from this machine may also hold removed ones.
  dpkgQuery = execFileSync(
    "dpkg-query",
    ["-W", "-f", "${db:Status-Abbrev}|${Package} ${Version}\n", `--admindir=${join(work, "var/lib/dpkg")}`],
    { encoding: "utf8" },
  )
    .split("\n")
    .filter((l) => /^[ih]i/.test(l))
    .map((l) => l.slice(l.indexOf("|") + 1))
    .sort();
  if (rootfs.debootstrapped) {
    // Exactly the plain `dpkg-query -W` listing for a debootstrapped system (everything is installed).
    const plain = execFileSync(
      "dpkg-query",
      ["-W", "-f", "${Package} ${Version}\n", `--admindir=${join(work, "var/lib/dpkg")}`],
      {
        encoding: "utf8",
      },
    );
    expect(plain.split("\n").filter(Boolean).sort()).toEqual(dpkgQuery);
  }
  base = {
    data: gzipSync(readFileSync(rootfs.tar), { level: 1 }),
    createdBy: "debootstrap --variant=minbase bookworm",
  };
  registry = await startRegistry();
  client = new RegistryClient({ dockerConfig: false });
}, 20 * 60_000);

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("images in a registry", () => {
  it("a debootstrapped Debian lists exactly what dpkg-query lists, all from the base layer", async () => {
    const pushed = await pushImage(client, ref("debian/base"), "bookworm", [base]);
    const source = await registryImageSource(client, ref("debian/base:bookworm"));
    expect(source.manifestDigest).toBe(pushed.digest);
    const inventory = await scanImage(source, { extractors: [] });
    expect(nameVersions(inventory)).toEqual(dpkgQuery);
    expect(inventory.problems).toEqual([]);
    if (debootstrapped)
      expect(inventory.os).toMatchObject({ id: "debian", versionId: "12", ecosystem: "Debian:12" });
    const libc = inventory.packages.find((p) => p.name === "libc6");
    expect(libc).toMatchObject({
      ecosystem: "Debian:12",
      sourceName: "glibc",
      layer: { index: 0, createdBy: base.createdBy },
    });
    expect(libc?.purl).toMatch(/^pkg:deb\/debian\/libc6@.+\?arch=amd64&upstream=glibc&distro=debian-12$/);
  });

  it("later layers that remove, upgrade and add packages, with whiteouts and opaque dirs, move the introducing layer", async () => {
    const parsed = parseDpkgStatus(baseStatus, "status");
    const paragraphs = baseStatus.split(/\n\n+/).filter((p) => p.trim());
    const removed = parsed.find((p) => p.name === "hostname" || p.name === "gzip") ?? parsed[1]!;
    const upgraded = parsed.find((p) => p.name === "base-files") ?? parsed[2]!;
    const statusTwo =
      paragraphs
        .filter((p) => !p.startsWith(`Package: ${removed.name}\n`))
        .map((p) =>
          p.startsWith(`Package: ${upgraded.name}\n`)
            ? p.replace(/^Version: .*$/m, `Version: ${upgraded.version}+bulwark1`)
            : p,
        )
        .join("\n\n") +
      "\n\nPackage: bulwark-demo\nStatus: install ok installed\nArchitecture: all\nSource: bulwark-src (0.9-1)\nVersion: 1.0-1\nDescription: added by layer 2\n";
    const layer2: BuiltLayer = {
      createdBy: `RUN apt-get remove ${removed.name} && apt-get install bulwark-demo`,
      data: await layerTar(
        [
          { path: "var/lib/dpkg/status", content: statusTwo },
          { path: `usr/share/doc/.wh.${removed.name}`, content: "" },
          {
            path: "var/lib/dpkg/status.d/distroless-one",
            content: "Package: one\nVersion: 1\nArchitecture: amd64\n",
          },
          { path: "var/lib/dpkg/status.d/distroless-two", content: "Package: two\nVersion: 2\n" },
        ],
        { gzip: true },
      ),
    };
    const layer3: BuiltLayer = {
      createdBy: "RUN replace status.d",
      data: await layerTar([
        { path: "var/lib/dpkg/status.d/.wh..wh..opq", content: "" },
        {
          path: "var/lib/dpkg/status.d/distroless-three",
          content: "Package: three\nVersion: 3\nSource: trio\n",
        },
      ]),
    };
    await pushImage(client, ref("debian/modified"), "v1", [base, layer2, layer3], {
      format: "docker",
      emptyHistoryBefore: ["ENV A=b"],
    });
    const cache = new LayerCache();
    const first = await scanImage(await registryImageSource(client, ref("debian/base:bookworm"), { cache }), {
      cache,
      extractors: [],
    });
    const inventory = await scanImage(
      await registryImageSource(client, ref("debian/modified:v1"), { cache }),
      {
        cache,
        extractors: [],
      },
    );
    expect(first.stats.layersRead).toBe(1);
    // The base layer is shared: read once across the two images.
    expect(inventory.stats.layersRead).toBe(2);
    expect(inventory.problems).toEqual([]);
    const byName = new Map(inventory.packages.map((p) => [p.name, p]));
    expect(byName.has(removed.name)).toBe(false);
    expect(byName.get(upgraded.name)).toMatchObject({
      version: `${upgraded.version}+bulwark1`,
      layer: { index: 1, createdBy: layer2.createdBy },
    });
    expect(byName.get("bulwark-demo")).toMatchObject({
      sourceName: "bulwark-src",
      sourceVersion: "0.9-1",
      layer: { index: 1 },
    });
    expect(byName.get("libc6")?.layer).toMatchObject({ index: 0, createdBy: base.createdBy });
    // status.d: layer 3's opaque marker hid layer 2's files.
    expect(byName.has("one")).toBe(false);
    expect(byName.get("three")).toMatchObject({
      version: "3",
      sourceName: "trio",
      file: "/var/lib/dpkg/status.d/distroless-three",
      layer: { index: 2, createdBy: "RUN replace status.d" },
    });
    expect(inventory.layers.map((l) => l.createdBy)).toEqual([
      base.createdBy,
      layer2.createdBy,
      layer3.createdBy,
    ]);
    expect(inventory.packages.filter((p) => p.source === "dpkg")).toHaveLength(dpkgQuery.length + 1);
  });

  it("picks the platform from an image index (linux/amd64 by default) and names the ones available", async () => {
    const osRelease = (v: string) => [{ path: "etc/os-release", content: `ID=alpine\nVERSION_ID=${v}\n` }];
    const apk = (arch: string) => ({
      path: "lib/apk/db/installed",
      content: `P:musl\nV:1.2.5-r0\nA:${arch}\no:musl\n\n`,
    });
    const amd = await pushImage(client, ref("multi/app"), undefined, [
      { createdBy: "ADD amd", data: await layerTar([...osRelease("3.20.3"), apk("x86_64")], { gzip: true }) },
    ]);
    const arm = await pushImage(
      client,
      ref("multi/app"),
      undefined,
      [
        {
          createdBy: "ADD arm",
          data: await layerTar([...osRelease("3.20.3"), apk("aarch64")], { gzip: true }),
        },
      ],
      {
        platform: { os: "linux", architecture: "arm64", variant: "v8" },
      },
    );
    await pushIndex(client, ref("multi/app"), "latest", [arm, amd]);
    const byDefault = await scanImage(await registryImageSource(client, ref("multi/app")), {
      extractors: [],
    });
    expect(byDefault.platform).toEqual({ os: "linux", architecture: "amd64" });
    expect(byDefault.manifestDigest).toBe(amd.digest);
    expect(byDefault.packages).toEqual([
      expect.objectContaining({
        name: "musl",
        version: "1.2.5-r0",
        ecosystem: "Alpine:v3.20",
        arch: "x86_64",
        sourceName: "musl",
        purl: "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3",
      }),
    ]);
    const onArm = await scanImage(
      await registryImageSource(client, ref("multi/app"), {
        platform: { os: "linux", architecture: "arm64" },
      }),
      {
        extractors: [],
      },
    );
    expect(onArm.packages[0]?.arch).toBe("aarch64");
    await expect(
      registryImageSource(client, ref("multi/app"), { platform: { os: "linux", architecture: "s390x" } }),
    ).rejects.toThrow("has no image for linux/s390x (available: linux/arm64/v8, linux/amd64)");
    // By digest too, and a wrong digest is refused.
    const byDigest = await client.resolveImage(
      parseImageReference(`${registry.host}/multi/app@${amd.digest}`),
    );
    expect(byDigest.manifestDigest).toBe(amd.digest);
  });

  it("reports an unreadable rpm database and an image without package data as unchecked", async () => {
    await pushImage(client, ref("rpm/app"), "1", [
      {
        createdBy: "ADD rpm",
        data: await layerTar([
          { path: "etc/os-release", content: 'ID="rhel"\nVERSION_ID="9.4"\n' },
          { path: "var/lib/rpm/rpmdb.sqlite", content: "SQLite format 3\0" },
        ]),
      },
    ]);
    const rpm = await scanImage(await registryImageSource(client, ref("rpm/app:1")), { extractors: [] });
    expect(rpm.problems).toEqual([
      expect.objectContaining({
        level: "error",
        path: "/var/lib/rpm/rpmdb.sqlite",
        message: expect.stringMatching(/^layer 1: \/var\/lib\/rpm\/rpmdb\.sqlite: /),
      }),
    ]);
    await pushImage(client, ref("empty/app"), "1", [
      { createdBy: "COPY app /", data: await layerTar([{ path: "app", content: "binary" }]) },
    ]);
    const empty = await scanImage(await registryImageSource(client, ref("empty/app:1")), { extractors: [] });
    expect(empty.packages).toEqual([]);
    expect(empty.problems[0]?.message).toMatch(/no package database found/);
  });

  it("verifies blob digests: a blob corrupted in storage fails its layer with a problem, not a crash", async () => {
    const layer = await layerTar(
      [{ path: "var/lib/dpkg/status", content: "Package: a\nStatus: install ok installed\nVersion: 1\n" }],
      { gzip: true },
    );
    const pushed = await pushImage(client, ref("corrupt/app"), "1", [{ createdBy: "ADD", data: layer }]);
    const resolved = await client.resolveImage(ref("corrupt/app:1"));
    const digest = resolved.manifest.layers[0]!.digest;
    const hex = digest.slice("sha256:".length);
    const dataFile = join(
      registry.dir,
      "storage/docker/registry/v2/blobs/sha256",
      hex.slice(0, 2),
      hex,
      "data",
    );
    const bad = Buffer.from(layer);
    bad[bad.length - 10] = (bad[bad.length - 10] ?? 0) ^ 0xff;
    await writeFile(dataFile, bad);
    await expect(client.readBlob(ref("corrupt/app"), digest)).rejects.toBeInstanceOf(DigestMismatchError);
    const inventory = await scanImage(await registryImageSource(client, ref("corrupt/app:1")), {
      extractors: [],
    });
    expect(inventory.manifestDigest).toBe(pushed.digest);
    expect(
      inventory.problems.some((p) => p.level === "error" && /layer 1 .* could not be read/.test(p.message)),
    ).toBe(true);
  });

  it("keeps verified blobs in the cache directory and reads them from there next time", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bulwark-blobs-"));
    try {
      const layer = await layerTar(
        [
          { path: "etc/os-release", content: "ID=debian\nVERSION_ID=12\n" },
          { path: "var/lib/dpkg/status", content: "Package: a\nStatus: install ok installed\nVersion: 1\n" },
        ],
        { gzip: true },
      );
      await pushImage(client, ref("cached/app"), "1", [{ createdBy: "ADD", data: layer }]);
      const first = await scanImage(
        await registryImageSource(client, ref("cached/app:1"), { cache: new LayerCache(dir) }),
        { extractors: [] },
      );
      expect(await readdir(join(dir, "sha256"))).toHaveLength(1);
      await registry.stop().catch(() => undefined);
      registry = await startRegistry();
      // The manifest must come from a registry, so push again; the layer is then read from the directory.
      await pushImage(client, ref("cached/app"), "1", [{ createdBy: "ADD", data: layer }]);
      const second = await scanImage(
        await registryImageSource(client, ref("cached/app:1"), { cache: new LayerCache(dir) }),
        { extractors: [] },
      );
      expect(second.packages).toEqual(first.packages);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
