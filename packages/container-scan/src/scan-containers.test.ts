// The whole pipeline on real parts: Debian's docker-registry on 127.0.0.1 holding a bullseye base image
// and an app built on it (real bullseye package versions), a repository whose Dockerfile built the app,
// and the real Debian advisories of ../shared/osv-db.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateGate, toSarif, type Finding } from "@bulwark/core";
import { parseImageReference, RegistryClient, type Descriptor } from "@bulwark/containers";
import { OfflineSource } from "@bulwark/osv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bullseyeAppLayers, bullseyeBaseLayer } from "../../containers/src/test-support/bullseye-layers.js";
import { pushImage, pushIndex } from "../../containers/src/test-support/push-image.js";
import { startRegistry, type RunningRegistry } from "../../containers/src/test-support/registry-server.js";
import { scanContainers, type ContainerScanOptions } from "./scan-containers.js";

const OSV_DB = fileURLToPath(new URL("../../../../shared/osv-db/", import.meta.url));

let registry: RunningRegistry;
let client: RegistryClient;
let repo: string;

const DOCKERFILE = (host: string) => `# The shop app: bullseye with curl and an npm app.
ARG REGISTRY=${host}
FROM \${REGISTRY}/debian:11

RUN apt-get install -y curl libexpat1
WORKDIR /usr/src/app
RUN apt-get install --only-upgrade -y zlib1g && npm ci
`;

beforeAll(async () => {
  registry = await startRegistry();
  client = new RegistryClient({ dockerConfig: false });
  const ref = (text: string) => parseImageReference(`${registry.host}/${text}`);
  const base = await bullseyeBaseLayer();
  const app = await bullseyeAppLayers();
  await pushImage(client, ref("debian"), "11", [base]);
  await pushImage(client, ref("shop/app"), "1.0", [base, ...app]);
  // A multi-arch image: the arm64 variant is the bare base, the amd64 one the full app.
  const amd64 = await pushImage(client, ref("shop/multi"), undefined, [base, ...app]);
  const arm64 = await pushImage(client, ref("shop/multi"), undefined, [base], {
    platform: { os: "linux", architecture: "arm64", variant: "v8" },
  });
  await pushIndex(client, ref("shop/multi"), "1.0", [amd64, arm64] as Descriptor[]);

  repo = mkdtempSync(join(tmpdir(), "container-scan-repo-"));
  writeFileSync(join(repo, "Dockerfile"), DOCKERFILE(registry.host));
  mkdirSync(join(repo, "deploy"));
  writeFileSync(
    join(repo, "deploy", "app.yaml"),
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: shop
          image: ${registry.host}/shop/app:1.0
`,
  );
}, 120_000);

afterAll(async () => {
  await registry?.stop();
});

function options(extra: Partial<ContainerScanOptions> = {}): ContainerScanOptions {
  return {
    workspace: repo,
    root: repo,
    images: [`${registry.host}/shop/app:1.0=Dockerfile`],
    discover: { dockerfiles: true, compose: true, kubernetes: true },
    source: new OfflineSource({ base: OSV_DB }),
    client,
    env: { PATH: "" },
    ...extra,
  };
}

const line = (f: Finding) =>
  `${f.package?.name} ${f.ruleId} ${f.location?.path ?? "-"}:${f.location?.startLine ?? "-"}${f.properties?.fromBaseImage ? " base" : ""}`;

describe("scanContainers", () => {
  it("scans the given image and the Dockerfile's base, pointing findings at the Dockerfile line that brought each package", async () => {
    const sbomDir = join(mkdtempSync(join(tmpdir(), "container-scan-sbom-")), "sbom");
    const result = await scanContainers(options({ sbomDir, now: new Date("2026-11-23T09:00:00Z") }));
    const app = `${registry.host}/shop/app:1.0`;
    const base = `${registry.host}/debian:11`;
    expect(result.problems).toEqual([]);
    expect(
      result.images.map((i) => [i.request.spec, i.request.isBaseImage, i.baseImage, i.baseLayers]),
    ).toEqual([
      [app, false, base, 1],
      [base, true, base, 1],
    ]);
    const appFindings = result.findings
      .filter((f) => f.runKey === app)
      .map(line)
      .sort();
    expect(appFindings).toEqual(
      [
        ...["DSA-4963-1", "DSA-5103-1", "DSA-5139-1", "DSA-5169-1", "DSA-5343-1"].map(
          (id) => `openssl ${id} Dockerfile:3 base`,
        ),
        "dpkg DSA-5147-1 Dockerfile:3 base",
        "gzip DSA-5122-1 Dockerfile:3 base",
        "curl DSA-5330-1 Dockerfile:5",
        "curl DSA-5365-1 Dockerfile:5",
        ...["DSA-5073-1", "DSA-5085-1", "DSA-5085-2", "DSA-5236-1", "DSA-5266-1"].map(
          (id) => `expat ${id} Dockerfile:5`,
        ),
        "lodash CVE-2021-23337 Dockerfile:7",
      ].sort(),
    );
    const curl = result.findings.find((f) => f.runKey === app && f.ruleId === "DSA-5365-1")!;
    expect(curl.package).toEqual({ name: "curl", ecosystem: "Debian:11", version: "7.74.0-1.3+deb11u3" });
    expect(curl.properties).toMatchObject({
      fixedVersion: "7.74.0-1.3+deb11u7",
      binaryPackages: ["curl", "libcurl4"],
      related: ["CVE-2023-23916"],
      baseImage: base,
    });
    expect(curl.location).toEqual({ path: "Dockerfile", startLine: 5, endLine: 5 });
    // The CVEs the DSA fixes are among its ids, so an ignore by CVE reaches it.
    expect(curl.ids).toEqual(["DSA-5365-1", "CVE-2023-23916"]);
    // The base image on its own: every package is the base's, pointing at the FROM that names it; its
    // zlib is still the vulnerable one (the app upgraded it past DSA-5111-1 and DSA-5218-1).
    const baseFindings = result.findings.filter((f) => f.runKey === base);
    expect(baseFindings.map((f) => `${f.package?.name} ${f.ruleId}`).sort()).toEqual(
      [
        ...["DSA-4963-1", "DSA-5103-1", "DSA-5139-1", "DSA-5169-1", "DSA-5343-1"].map(
          (id) => `openssl ${id}`,
        ),
        "dpkg DSA-5147-1",
        "gzip DSA-5122-1",
        "zlib DSA-5111-1",
        "zlib DSA-5218-1",
      ].sort(),
    );
    expect(baseFindings.every((f) => f.location?.path === "Dockerfile" && f.location.startLine === 3)).toBe(
      true,
    );
    expect(result.toolRuns).toEqual([
      { tool: app, name: "container-scan", version: "0.1.0" },
      { tool: base, name: "container-scan", version: "0.1.0" },
    ]);
    expect(result.stats).toMatchObject({ images: 2, "images-failed": 0, layers: 3 });

    // One row per image in the summary and the images output.
    const rows = JSON.parse(result.outputs!.images!) as Record<string, unknown>[];
    expect(rows.map((r) => [r.image, r.os, r.baseImage, r.fixable])).toEqual([
      [app, "Debian GNU/Linux 11 (bullseye)", base, 15],
      [base, "Debian GNU/Linux 11 (bullseye)", base, 9],
    ]);
    const total = (r: Record<string, unknown>) =>
      (r.critical as number) + (r.high as number) + (r.medium as number) + (r.low as number);
    expect(rows.map(total)).toEqual([15, 9]);
    expect(result.summaryMarkdown).toContain(
      `| ${app} | Debian GNU/Linux 11 (bullseye) | ${base} | 10 | 0 | 1 | 14 | 0 | 15 |`,
    );

    // A CycloneDX SBOM per image, named after it, each package with the layer that brought it.
    const host = registry.host.replace(":", "_");
    expect(JSON.parse(result.outputs!.sboms!)).toEqual([
      { image: app, file: join(sbomDir, `${host}_shop_app_1.0.cdx.json`) },
      { image: base, file: join(sbomDir, `${host}_debian_11.cdx.json`) },
    ]);
    const bom = JSON.parse(readFileSync(join(sbomDir, `${host}_shop_app_1.0.cdx.json`), "utf8")) as {
      bomFormat: string;
      metadata: { timestamp: string; component: { name: string } };
      components: { name: string; purl?: string; properties?: { name: string; value: string }[] }[];
    };
    expect(bom.bomFormat).toBe("CycloneDX");
    expect(bom.metadata).toMatchObject({ timestamp: "2026-11-23T09:00:00.000Z", component: { name: app } });
    const curlComponent = bom.components.find((c) => c.name === "curl")!;
    expect(curlComponent.purl).toMatch(/^pkg:deb\/debian\/curl@7\.74\.0-1\.3%2Bdeb11u3\?/);
    expect(curlComponent.properties).toContainEqual({ name: "bulwark:layer:index", value: "1" });
    expect(bom.components.filter((c) => c.name !== "debian")).toHaveLength(10);

    // SARIF: one run per image, results located in the repository's Dockerfile.
    const { log } = toSarif([
      {
        scan: result,
        gate: evaluateGate(result, { failOn: "high", ignores: [] }, new Date()),
        category: "container-scan",
      },
    ]);
    expect(log.runs.map((r) => [r.automationDetails?.id, r.results?.length])).toEqual([
      [`container-scan/${app}/`, 15],
      [`container-scan/${base}/`, 9],
    ]);
    const uris = new Set(
      log.runs.flatMap((r) =>
        r.results!.map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri),
      ),
    );
    expect([...uris]).toEqual(["Dockerfile"]);
  });

  it("reads docker save archives and OCI layouts (written by skopeo; directory and tarball) relative to the workspace", async () => {
    const build = join(repo, "build");
    mkdirSync(build, { recursive: true });
    const src = `docker://${registry.host}/shop/app:1.0`;
    const skopeo = (dest: string) =>
      execFileSync("skopeo", ["copy", "--quiet", "--src-tls-verify=false", src, dest], { stdio: "pipe" });
    skopeo(`docker-archive:${join(build, "app.tar")}:shop/app:1.0`);
    skopeo(`oci:${join(build, "layout")}:1.0`);
    execFileSync("tar", ["-C", join(build, "layout"), "-cf", join(build, "layout.tar"), "."]);
    const result = await scanContainers(
      options({
        images: ["docker-archive:build/app.tar=Dockerfile", "oci:build/layout:1.0", "build/layout.tar"],
        discover: { dockerfiles: false, compose: false, kubernetes: false },
      }),
    );
    expect(result.problems).toEqual([]);
    const ids = (spec: string) =>
      result.findings
        .filter((f) => f.runKey === spec)
        .map((f) => f.ruleId)
        .sort();
    expect(ids("docker-archive:build/app.tar")).toHaveLength(15);
    expect(ids("oci:build/layout:1.0")).toEqual(ids("docker-archive:build/app.tar"));
    expect(ids("build/layout.tar")).toEqual(ids("docker-archive:build/app.tar"));
    // The archive was built by the Dockerfile: its base (pulled from the registry its FROM names) tells
    // the base layer apart, and the RUN layers point at their lines.
    const curl = result.findings.find(
      (f) => f.runKey === "docker-archive:build/app.tar" && f.ruleId === "DSA-5365-1",
    )!;
    expect(curl.properties?.layerIndex).toBe(1);
    expect(curl.location).toEqual({ path: "Dockerfile", startLine: 5, endLine: 5 });
  });

  it("reads images the local Docker daemon holds through docker save (a fake docker CLI here)", async () => {
    // No Docker engine on this machine: a `docker` executable that knows one image, shop:ci, and saves
    // it by copying an archive skopeo wrote from the registry copy.
    const bin = mkdtempSync(join(tmpdir(), "container-scan-docker-"));
    const archive = join(bin, "shop-ci.tar");
    execFileSync(
      "skopeo",
      [
        "copy",
        "--quiet",
        "--src-tls-verify=false",
        `docker://${registry.host}/shop/app:1.0`,
        `docker-archive:${archive}:shop:ci`,
      ],
      { stdio: "pipe" },
    );
    const calls = join(bin, "calls.log");
    writeFileSync(
      join(bin, "docker"),
      [
        "#!/bin/sh",
        `echo "$*" >> "${calls}"`,
        'last=""; for a in "$@"; do last="$a"; done',
        'case "$1" in',
        `  image) [ "$last" = "shop:ci" ] && echo sha256:0123 && exit 0; echo "Error: No such image: $last" >&2; exit 1;;`,
        `  save) [ "$last" = "shop:ci" ] || { echo "Error response from daemon: reference does not exist" >&2; exit 1; }; cp "${archive}" "$3";;`,
        "esac",
        "",
      ].join("\n"),
    );
    chmodSync(join(bin, "docker"), 0o755);
    const temp = mkdtempSync(join(tmpdir(), "container-scan-temp-"));
    // compose builds shop:ci from the Dockerfile: listing the image is enough to get its lines.
    const ws = mkdtempSync(join(tmpdir(), "container-scan-compose-"));
    writeFileSync(join(ws, "Dockerfile"), DOCKERFILE(registry.host));
    writeFileSync(join(ws, "compose.yaml"), "services:\n  shop:\n    build: .\n    image: shop:ci\n");
    const result = await scanContainers(
      options({
        workspace: ws,
        root: ws,
        images: ["shop:ci", "docker-daemon:shop:missing"],
        discover: { dockerfiles: false, compose: true, kubernetes: false },
        env: { PATH: `${bin}:/usr/bin:/bin` },
        tempDir: temp,
      }),
    );
    expect(result.images[0]!.request).toMatchObject({ dockerfile: "Dockerfile", isBaseImage: false });
    expect(result.findings.filter((f) => f.runKey === "shop:ci")).toHaveLength(15);
    const curl = result.findings.find((f) => f.runKey === "shop:ci" && f.ruleId === "DSA-5365-1")!;
    // Its Dockerfile's base came from the registry (the daemon does not have it): the layers split.
    expect(curl.location).toEqual({ path: "Dockerfile", startLine: 5, endLine: 5 });
    expect(result.images[0]!.baseLayers).toBe(1);
    expect(result.problems).toEqual([
      {
        level: "error",
        message:
          "docker-daemon:shop:missing could not be scanned: docker save shop:missing failed: Error response from daemon: reference does not exist",
      },
    ]);
    const log = readFileSync(calls, "utf8");
    expect(log).toContain("image inspect --format {{.Id}} shop:ci");
    expect(log).toContain(`image inspect --format {{.Id}} ${registry.host}/debian:11`);
    // The archives docker save wrote are gone once read.
    expect(readdirSync(temp)).toEqual([]);
  });

  it("an image compose builds but nothing lists is not pulled: a notice at its line says how to scan it", async () => {
    const ws = mkdtempSync(join(tmpdir(), "container-scan-built-"));
    writeFileSync(
      join(ws, "compose.yaml"),
      "services:\n  api:\n    build:\n      context: api\n    image: ghcr.io/acme/api:dev\n",
    );
    const result = await scanContainers(options({ workspace: ws, root: ws, images: [] }));
    expect(result.images).toEqual([]);
    expect(result.problems).toEqual([
      {
        level: "notice",
        path: "compose.yaml",
        line: 5,
        message: expect.stringContaining(
          "compose.yaml:5: service api builds ghcr.io/acme/api:dev here (from api/Dockerfile), so it is not pulled",
        ) as string,
      },
      { level: "notice", message: expect.stringContaining("No image to scan") as string },
    ]);
  });

  it("platform picks the variant of a multi-arch index", async () => {
    const spec = `${registry.host}/shop/multi:1.0`;
    const scan = (platform: ContainerScanOptions["platform"]) =>
      scanContainers(
        options({
          images: [spec],
          discover: { dockerfiles: false, compose: false, kubernetes: false },
          ...(platform ? { platform } : {}),
        }),
      );
    const amd64 = await scan(undefined);
    const arm64 = await scan({ os: "linux", architecture: "arm64", variant: "v8" });
    expect(amd64.findings.some((f) => f.package?.name === "curl")).toBe(true);
    expect(arm64.findings.some((f) => f.package?.name === "curl")).toBe(false);
    expect(arm64.findings.map((f) => f.package?.name)).toContain("openssl");
  });

  it("an unreachable registry is an error naming the image and where it was named, never a pass", async () => {
    const result = await scanContainers(
      options({
        images: ["127.0.0.1:9/shop/app:1.0"],
        discover: { dockerfiles: false, compose: false, kubernetes: true },
        client: new RegistryClient({ dockerConfig: false, retries: 0 }),
      }),
    );
    const errors = result.problems.filter((p) => p.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^127\.0\.0\.1:9\/shop\/app:1\.0 could not be scanned: /);
    const rows = JSON.parse(result.outputs!.images!) as { image: string; error?: string }[];
    expect(rows[0]!.error).toBeTruthy();
    expect(result.summaryMarkdown).toContain("| 127.0.0.1:9/shop/app:1.0 | not scanned: ");
    // The image from the manifest was still scanned.
    expect(result.images[1]!.request.origins[0]!.location).toEqual({
      path: "deploy/app.yaml",
      startLine: 10,
    });
    expect(result.images[1]!.inventory).toBeDefined();
  });
});
