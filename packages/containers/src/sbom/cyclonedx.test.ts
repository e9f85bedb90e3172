// toCycloneDx over a real scan (the bullseye layers, apk and a package-lock.json), validated against the
// official CycloneDX 1.6 JSON schema as published in @cyclonedx/cyclonedx-library.
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ImageSource } from "../image-source.js";
import { sha256Digest } from "../registry/digest-stream.js";
import { scanImage, type ImageInventory } from "../scan-image.js";
import { bullseyeAppLayers, bullseyeBaseLayer } from "../test-support/bullseye-layers.js";
import { layerTar } from "../test-support/layer-tar.js";
import { toCycloneDx } from "./cyclonedx.js";

const schemaDir = join(
  dirname(createRequire(import.meta.url).resolve("@cyclonedx/cyclonedx-library/package.json")),
  "res/schema",
);

function validator() {
  const load = (file: string) => JSON.parse(readFileSync(join(schemaDir, file), "utf8")) as { $id: string };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // Not in ajv-formats; our documents hold no such values.
  for (const format of ["iri-reference", "idn-email"]) ajv.addFormat(format, true);
  // bom-1.6 refers to its companions by their SNAPSHOT file names, relative to its own $id.
  for (const file of ["spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json"])
    ajv.addSchema({ ...load(file), $id: `http://cyclonedx.org/schema/${file}` });
  return ajv.compile(load("bom-1.6.SNAPSHOT.schema.json"));
}

async function bullseyeSource(): Promise<ImageSource> {
  const built = [await bullseyeBaseLayer(), ...(await bullseyeAppLayers())];
  const blobs = built.map((b) => b.data);
  return {
    name: "127.0.0.1:5000/app/bullseye:1.0",
    manifestDigest: sha256Digest(Buffer.from("manifest")),
    platform: { os: "linux", architecture: "amd64" },
    config: { os: "linux", architecture: "amd64", history: built.map((b) => ({ created_by: b.createdBy })) },
    layers: blobs.map((b) => ({ digest: sha256Digest(b) })),
    async readLayers(indexes, visit) {
      for (const i of indexes) await visit(i, Readable.from([blobs[i] as Buffer]));
    },
  };
}

describe("toCycloneDx", () => {
  it("a scanned image is a valid CycloneDX 1.6 document with a component per package and its layer", async () => {
    const inventory = await scanImage(await bullseyeSource());
    const bom = toCycloneDx(inventory, { toolVersion: "1.2.3", timestamp: "2026-11-23T09:00:00Z" });
    const validate = validator();
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...bom, components: [{ type: "package", name: "x" }] })).toBe(false);

    expect(bom.metadata.component).toMatchObject({
      type: "container",
      name: inventory.name,
      version: inventory.manifestDigest,
      purl: expect.stringMatching(
        /^pkg:oci\/bullseye@sha256%3A[0-9a-f]{64}\?repository_url=127\.0\.0\.1%3A5000%2Fapp%2Fbullseye&tag=1\.0$/,
      ),
    });
    expect(bom.components[0]).toMatchObject({ type: "operating-system", name: "debian", version: "11" });
    const libraries = bom.components.filter((c) => c.type === "library");
    expect(libraries).toHaveLength(inventory.packages.length);
    const zlib = libraries.find((c) => c.name === "zlib1g");
    expect(zlib?.purl).toBe(
      "pkg:deb/debian/zlib1g@1%3A1.2.11.dfsg-2%2Bdeb11u2?arch=amd64&upstream=zlib&distro=debian-11",
    );
    expect(zlib?.properties).toEqual(
      expect.arrayContaining([
        { name: "bulwark:layer:index", value: "2" },
        { name: "bulwark:layer:digest", value: inventory.layers[2]?.digest },
        { name: "bulwark:package:sourceName", value: "zlib" },
        { name: "bulwark:ecosystem", value: "Debian:11" },
      ]),
    );
    expect(libraries.find((c) => c.name === "lodash")).toMatchObject({
      purl: "pkg:npm/lodash@4.17.20",
      properties: expect.arrayContaining([
        { name: "bulwark:package:file", value: "/usr/src/app/package-lock.json" },
      ]),
    });
    const refs = bom.components.map((c) => c["bom-ref"]);
    expect(new Set(refs).size).toBe(refs.length);
    expect(bom.dependencies).toEqual([{ ref: "image", dependsOn: refs }]);
  });

  it("apk packages, unnamed purls and duplicate packages still give a valid document with unique refs", async () => {
    const layer = await layerTar(
      [
        { path: "etc/os-release", content: "ID=alpine\nVERSION_ID=3.20.3\n" },
        { path: "lib/apk/db/installed", content: "P:musl\nV:1.2.5-r0\nA:x86_64\no:musl\n\n" },
      ],
      { gzip: true },
    );
    const source: ImageSource = {
      name: "/tmp/alpine.tar",
      config: { os: "linux", architecture: "amd64" },
      layers: [{ digest: sha256Digest(layer) }],
      async readLayers(indexes, visit) {
        for (const i of indexes) await visit(i, Readable.from([layer]));
      },
    };
    const scanned = await scanImage(source, { extractors: [] });
    const extra = { ...scanned.packages[0]!, purl: undefined } as ImageInventory["packages"][number];
    const inventory: ImageInventory = {
      ...scanned,
      packages: [
        ...scanned.packages,
        ...scanned.packages,
        { ...extra, name: "Django_Rest", version: "3.0", ecosystem: "PyPI", source: "requirements.txt" },
        { ...extra, name: "org.slf4j:slf4j-api", version: "2.0.9", ecosystem: "Maven", source: "pom.xml" },
        { ...extra, name: "thing", version: "1", ecosystem: "Unknown", source: "x" },
      ],
    };
    const bom = toCycloneDx(inventory, {
      toolVersion: "0.0.0",
      serialNumber: "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
    });
    const validate = validator();
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(bom.metadata.component.purl).toBeUndefined();
    expect(bom.components.map((c) => [c["bom-ref"], c.purl])).toEqual([
      ["os:alpine", undefined],
      [
        "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3",
        "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3",
      ],
      [
        "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3#2",
        "pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=3.20.3",
      ],
      ["pkg:pypi/django-rest@3.0", "pkg:pypi/django-rest@3.0"],
      ["pkg:maven/org.slf4j/slf4j-api@2.0.9", "pkg:maven/org.slf4j/slf4j-api@2.0.9"],
      ["Unknown:thing@1", undefined],
    ]);
  });
});
