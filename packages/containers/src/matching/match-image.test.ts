// A bullseye image with real package versions, pushed to Debian's docker-registry, matched against the
// real Debian (DSA) and npm records in ../shared/osv-db: advisories reach binaries through their source
// package, each finding names its layer, instruction and whether the base image brought it.
import { fileURLToPath } from "node:url";
import { OfflineSource } from "@bulwark/osv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LayerCache } from "../layers/layer-cache.js";
import { parseImageReference } from "../reference.js";
import { RegistryClient } from "../registry/client.js";
import { registryImageSource } from "../registry/registry-source.js";
import { scanImage, type ImageInventory } from "../scan-image.js";
import {
  BULLSEYE_BASE_CREATED_BY,
  bullseyeAppLayers,
  bullseyeBaseLayer,
  CURL_CREATED_BY,
  UPGRADE_CREATED_BY,
} from "../test-support/bullseye-layers.js";
import { pushImage } from "../test-support/push-image.js";
import { startRegistry, type RunningRegistry } from "../test-support/registry-server.js";
import { commonLayerPrefix } from "./common-layers.js";
import { imageFindings } from "./image-finding.js";
import { matchInventories } from "./match-inventories.js";

const OSV_DB = fileURLToPath(new URL("../../../../../shared/osv-db/", import.meta.url));

let registry: RunningRegistry;
let client: RegistryClient;
let app: ImageInventory;
let base: ImageInventory;

beforeAll(async () => {
  registry = await startRegistry();
  client = new RegistryClient({ dockerConfig: false });
  const baseLayer = await bullseyeBaseLayer();
  const ref = (text: string) => parseImageReference(`${registry.host}/${text}`);
  await pushImage(client, ref("debian"), "11", [baseLayer]);
  await pushImage(client, ref("shop/app"), "1.0", [baseLayer, ...(await bullseyeAppLayers())]);
  const cache = new LayerCache();
  base = await scanImage(await registryImageSource(client, ref("debian:11"), { cache }), { cache });
  app = await scanImage(await registryImageSource(client, ref("shop/app:1.0"), { cache }), { cache });
}, 120_000);

afterAll(async () => {
  await registry?.stop();
});

describe("matching image packages against OSV", () => {
  it("finds the DSAs of source packages and the npm advisory, each with its layer and base", async () => {
    expect(app.os?.ecosystem).toBe("Debian:11");
    const source = new OfflineSource({ base: OSV_DB });
    const matched = await matchInventories([app, base], source);
    expect(matched.problems).toEqual([]);
    const baseLayers = commonLayerPrefix(app.layers, base.layers);
    expect(baseLayers).toBe(1);
    const { findings, unresolved } = imageFindings(
      { image: "shop/app:1.0", inventory: app, baseLayers, baseImage: "debian:11" },
      matched,
    );
    expect(unresolved).toEqual([]);
    const got = findings
      .map(
        (f) =>
          `${f.package?.name} ${f.ruleId} layer${f.properties?.layerIndex} base=${f.properties?.fromBaseImage}`,
      )
      .sort();
    expect(got).toEqual(
      [
        ...["DSA-4963-1", "DSA-5103-1", "DSA-5139-1", "DSA-5169-1", "DSA-5343-1"].map(
          (id) => `openssl ${id} layer0 base=true`,
        ),
        "gzip DSA-5122-1 layer0 base=true",
        "dpkg DSA-5147-1 layer0 base=true",
        "curl DSA-5330-1 layer1 base=false",
        "curl DSA-5365-1 layer1 base=false",
        ...["DSA-5073-1", "DSA-5085-1", "DSA-5085-2", "DSA-5236-1", "DSA-5266-1"].map(
          (id) => `expat ${id} layer1 base=false`,
        ),
        "lodash CVE-2021-23337 layer2 base=false",
      ].sort(),
    );
    // zlib was upgraded past both zlib DSAs in layer 3: nothing to report.
    expect(findings.some((f) => f.package?.name === "zlib")).toBe(false);
    const openssl = findings.find((f) => f.ruleId === "DSA-5343-1")!;
    expect(openssl.properties).toMatchObject({
      binaryPackages: ["libssl1.1", "openssl"],
      createdBy: BULLSEYE_BASE_CREATED_BY,
      baseImage: "debian:11",
      fixedVersion: "1.1.1n-0+deb11u4",
      image: "shop/app:1.0",
    });
    expect(openssl.package).toEqual({ name: "openssl", ecosystem: "Debian:11", version: "1.1.1k-1" });
    expect(openssl.labels).toEqual(["base-image"]);
    expect(openssl.message).toContain("part of the base image debian:11");
    expect(openssl.remediation).toContain("Update the base image debian:11");
    const curl = findings.find((f) => f.ruleId === "DSA-5365-1")!;
    expect(curl.properties?.createdBy).toBe(CURL_CREATED_BY);
    expect(curl.remediation).toBe("Upgrade curl to 7.74.0-1.3+deb11u7 or later in the image.");
    const lodash = findings.find((f) => f.package?.name === "lodash")!;
    expect(lodash.properties).toMatchObject({
      createdBy: UPGRADE_CREATED_BY,
      file: "/usr/src/app/package-lock.json",
    });
    expect(lodash.package?.ecosystem).toBe("npm");
  });

  it("fingerprints hold across rebuilds (no digest in them) and differ between images", async () => {
    const matched = await matchInventories([app], new OfflineSource({ base: OSV_DB }));
    const one = imageFindings({ image: "shop/app:1.0", inventory: app }, matched).findings;
    const again = imageFindings(
      { image: "shop/app:1.0", inventory: { ...app, manifestDigest: "sha256:other" } },
      matched,
    ).findings;
    const other = imageFindings({ image: "shop/other:1.0", inventory: app }, matched).findings;
    expect(again.map((f) => f.fingerprint)).toEqual(one.map((f) => f.fingerprint));
    expect(new Set([...one, ...other].map((f) => f.fingerprint)).size).toBe(one.length * 2);
    // Without a known base the finding does not guess.
    expect(one.every((f) => f.properties?.fromBaseImage === undefined && !f.labels)).toBe(true);
  });

  it("a Debian 12 image is checked against an ecosystem with no records and finds nothing, without error", async () => {
    const bookworm: ImageInventory = {
      ...base,
      packages: base.packages.map((p) => ({ ...p, ecosystem: "Debian:12" })),
    };
    const matched = await matchInventories([bookworm], new OfflineSource({ base: OSV_DB }));
    expect(matched.problems).toEqual([]);
    expect(matched.matches.size).toBe(0);
  });

  it("a database that cannot be read is an error problem, never a silent pass", async () => {
    const matched = await matchInventories([app], new OfflineSource({ base: "/nonexistent/osv-db" }));
    expect(matched.problems.length).toBeGreaterThan(0);
    expect(matched.problems.every((p) => p.level === "error")).toBe(true);
    expect(matched.problems[0]?.message).toMatch(/Debian:11|Debian|npm/);
  });
});
