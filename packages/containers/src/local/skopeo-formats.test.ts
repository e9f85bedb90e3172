// Local images written by a real tool: skopeo copies an image from docker-registry into an OCI layout
// and a docker save archive; both must read the same as the registry copy.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImageReference } from "../reference.js";
import { RegistryClient } from "../registry/client.js";
import { registryImageSource } from "../registry/registry-source.js";
import { scanImage, type ImageInventory } from "../scan-image.js";
import { layerTar } from "../test-support/layer-tar.js";
import { pushImage } from "../test-support/push-image.js";
import { startRegistry, type RunningRegistry } from "../test-support/registry-server.js";
import { dockerArchiveSource } from "./docker-archive.js";
import { ociLayoutSource } from "./oci-layout.js";

let registry: RunningRegistry;
let work: string;
let fromRegistry: ImageInventory;

const summary = (inv: ImageInventory) =>
  inv.packages
    .map(
      (p) =>
        `${p.ecosystem} ${p.name}@${p.version} src=${p.sourceName} layer=${p.layer.index} ${p.layer.createdBy}`,
    )
    .sort();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "bulwark-skopeo-"));
  registry = await startRegistry();
  const client = new RegistryClient({ dockerConfig: false });
  const ref = parseImageReference(`${registry.host}/tools/app`);
  await pushImage(client, ref, "1", [
    {
      createdBy: "ADD rootfs /",
      data: await layerTar(
        [
          { path: "usr/lib/os-release", content: 'ID=ubuntu\nVERSION_ID="22.04"\n' },
          { path: "etc/os-release", symlink: "../usr/lib/os-release" },
          {
            path: "var/lib/dpkg/status",
            content:
              "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.2-0ubuntu1.18\n\nPackage: zlib1g\nStatus: install ok installed\nVersion: 1:1.2.11.dfsg-2ubuntu9.2\nSource: zlib\n",
          },
        ],
        { gzip: true },
      ),
    },
    {
      createdBy: "RUN apt-get remove zlib1g",
      data: await layerTar([
        {
          path: "var/lib/dpkg/status",
          content:
            "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nSource: openssl\nVersion: 3.0.2-0ubuntu1.18\n",
        },
      ]),
    },
  ]);
  fromRegistry = await scanImage(
    await registryImageSource(client, parseImageReference(`${registry.host}/tools/app:1`)),
    { extractors: [] },
  );
  const src = `docker://${registry.host}/tools/app:1`;
  execFileSync("skopeo", ["copy", "--quiet", "--src-tls-verify=false", src, `oci:${join(work, "oci")}:v1`]);
  execFileSync("skopeo", [
    "copy",
    "--quiet",
    "--src-tls-verify=false",
    src,
    `docker-archive:${join(work, "save.tar")}:tools/app:1`,
  ]);
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("images written by skopeo", () => {
  it("the registry copy is what was pushed", () => {
    expect(summary(fromRegistry)).toEqual([
      "Ubuntu:22.04:LTS libssl3@3.0.2-0ubuntu1.18 src=openssl layer=0 ADD rootfs /",
    ]);
  });

  it("OCI layout (skopeo oci:) reads the same", async () => {
    const inventory = await scanImage(await ociLayoutSource(join(work, "oci"), { ref: "v1" }), {
      extractors: [],
    });
    expect(summary(inventory)).toEqual(summary(fromRegistry));
    expect(inventory.problems).toEqual([]);
  });

  it("docker save archive (skopeo docker-archive:) reads the same", async () => {
    const inventory = await scanImage(
      await dockerArchiveSource(join(work, "save.tar"), { tag: "tools/app:1" }),
      { extractors: [] },
    );
    expect(summary(inventory)).toEqual(summary(fromRegistry));
    // docker save names layers by their uncompressed digests (the config's diff_ids).
    expect(inventory.layers.map((l) => l.digest)).not.toEqual(fromRegistry.layers.map((l) => l.digest));
    expect(inventory.problems).toEqual([]);
  });
});
