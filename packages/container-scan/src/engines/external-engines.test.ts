// Trivy and Grype cannot be installed here, so the process plumbing is tested with small executables
// named trivy and grype that record their arguments and print the hand-written report fixtures (with the
// real layer digests of the image scanned). The conversion is real; the engines' verdicts are the
// fixtures'. The built-in side is the real pipeline: docker-registry on 127.0.0.1 and ../shared/osv-db.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseImageReference, RegistryClient } from "@bulwark/containers";
import { OfflineSource } from "@bulwark/osv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bullseyeAppLayers,
  bullseyeBaseLayer,
} from "../../../containers/src/test-support/bullseye-layers.js";
import { pushImage } from "../../../containers/src/test-support/push-image.js";
import { startRegistry, type RunningRegistry } from "../../../containers/src/test-support/registry-server.js";
import { scanContainers, type ContainerScanOptions } from "../scan-containers.js";
import { engineArguments } from "./external-engines.js";

const OSV_DB = fileURLToPath(new URL("../../../../../shared/osv-db/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

let registry: RunningRegistry;
let client: RegistryClient;
let repo: string;
let app: string;

beforeAll(async () => {
  registry = await startRegistry();
  client = new RegistryClient({ dockerConfig: false });
  const base = await bullseyeBaseLayer();
  await pushImage(client, parseImageReference(`${registry.host}/debian`), "11", [base]);
  await pushImage(client, parseImageReference(`${registry.host}/shop/app`), "1.0", [
    base,
    ...(await bullseyeAppLayers()),
  ]);
  app = `${registry.host}/shop/app:1.0`;
  repo = mkdtempSync(join(tmpdir(), "container-engines-"));
  writeFileSync(
    join(repo, "Dockerfile"),
    `FROM ${registry.host}/debian:11\nRUN apt-get install -y curl libexpat1\nRUN apt-get install --only-upgrade -y zlib1g && npm ci\n`,
  );
}, 120_000);

afterAll(async () => {
  await registry?.stop();
});

function options(extra: Partial<ContainerScanOptions>): ContainerScanOptions {
  return {
    workspace: repo,
    root: repo,
    images: [`${app}=Dockerfile`],
    discover: { dockerfiles: false, compose: false, kubernetes: false },
    source: new OfflineSource({ base: OSV_DB }),
    client,
    env: { PATH: "" },
    ...extra,
  };
}

/** A bin directory with fake engines printing the fixtures, layer digests replaced by the image's real ones. */
async function fakeEngines(
  engines: ("trivy" | "grype")[],
  failing = false,
): Promise<{ bin: string; log: string }> {
  const scanned = await scanContainers(options({}));
  const layers = scanned.images[0]!.layerIds!;
  const bin = mkdtempSync(join(tmpdir(), "container-engines-bin-"));
  const log = join(bin, "calls.log");
  const fake = [
    ["1a", "b0"],
    ["2b", "b1"],
    ["3c", "b2"],
  ];
  for (const engine of engines) {
    let report = readFileSync(join(FIXTURES, `${engine}-bullseye-app.json`), "utf8");
    fake.forEach(([digest, diffId], i) => {
      report = report
        .replaceAll(`sha256:${digest!.repeat(32)}`, layers[i]!.digest)
        .replaceAll(`sha256:${diffId!.repeat(32)}`, layers[i]!.diffId!);
    });
    writeFileSync(join(bin, `${engine}.json`), report);
    const script = failing
      ? `#!/bin/sh\necho "${engine} $*" >> "${log}"\necho "FATAL unable to find the specified image" >&2\nexit 1\n`
      : `#!/bin/sh\necho "${engine} $*" >> "${log}"\ncat "${join(bin, `${engine}.json`)}"\n`;
    writeFileSync(join(bin, engine), script);
    chmodSync(join(bin, engine), 0o755);
  }
  return { bin, log };
}

const engines = (f: { properties?: Record<string, unknown> }) =>
  (f.properties?.engines as string[]).join("+");

describe("engine: all", () => {
  it("runs each engine on the image, merges what they agree on and says who found what", async () => {
    const { bin, log } = await fakeEngines(["trivy", "grype"]);
    const result = await scanContainers(options({ engine: "all", env: { PATH: `${bin}:/usr/bin:/bin` } }));
    expect(result.problems).toEqual([]);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      `trivy image --quiet --format json ${app}`,
      `grype registry:${app} -o json -q`,
    ]);
    const byId = (id: string) => result.findings.filter((f) => f.ruleId === id);
    // DSA-5103-1 relates CVE-2022-0778: Trivy's two findings (libssl1.1, openssl) and Grype's are it.
    expect(byId("DSA-5103-1").map(engines)).toEqual(["builtin+trivy+grype"]);
    expect(byId("DSA-5365-1").map(engines)).toEqual(["builtin+trivy"]);
    expect(byId("DSA-5085-1").map(engines)).toEqual(["builtin+grype"]);
    expect(byId("CVE-2021-23337").map(engines)).toEqual(["builtin+trivy+grype"]);
    expect(result.findings.filter((f) => f.ruleId.startsWith("CVE-2022-0778"))).toEqual([]);
    // What only one engine found stays, attributed to the image's layers and the Dockerfile's lines.
    const curl = byId("CVE-2023-28322")[0]!;
    expect(engines(curl)).toBe("trivy");
    expect(curl.package).toMatchObject({ name: "curl", ecosystem: "Debian:11" });
    expect(curl.location).toEqual({ path: "Dockerfile", startLine: 2, endLine: 2 });
    expect(curl.properties).toMatchObject({ layerIndex: 1, fromBaseImage: false });
    const negligible = byId("CVE-2007-6755")[0]!;
    expect(engines(negligible)).toBe("grype");
    expect(negligible).toMatchObject({
      severity: "low",
      labels: ["base-image"],
      location: { path: "Dockerfile", startLine: 1 },
      properties: { layerIndex: 0, fromBaseImage: true, baseImage: `${registry.host}/debian:11` },
    });
    expect(result.findings).toHaveLength(15 + 2);
    expect(result.findings.every((f) => f.runKey === app)).toBe(true);
    expect(result.summaryMarkdown).toContain("| Found by |");
    expect(result.summaryMarkdown).toMatch(
      /\| CVE-2007-6755 \| No fix available \| 1 sha256:\w+, base image \| grype \|/,
    );
  });

  it("engines that are not installed are notices; the built-in findings stand", async () => {
    const result = await scanContainers(options({ engine: "all" }));
    expect(result.problems.map((p) => [p.level, p.message.split(" (")[0]])).toEqual([
      ["notice", "engine all: trivy is not installed on this runner"],
      ["notice", "engine all: grype is not installed on this runner"],
    ]);
    expect(result.findings).toHaveLength(15);
  });
});

describe("engine: trivy or grype by name", () => {
  it("reports that engine's findings alone", async () => {
    const { bin } = await fakeEngines(["grype"]);
    const result = await scanContainers(options({ engine: "grype", env: { PATH: `${bin}:/usr/bin:/bin` } }));
    expect(result.problems).toEqual([]);
    expect(result.findings.map((f) => `${engines(f)} ${f.package?.name} ${f.ruleId}`)).toEqual([
      "grype libssl1.1 CVE-2022-0778",
      "grype libssl1.1 CVE-2007-6755",
      "grype libexpat1 CVE-2022-25235",
      "grype lodash GHSA-35jh-r3h4-6jhm",
    ]);
    // The summary row counts what the engine found.
    const rows = JSON.parse(result.outputs!.images!) as { critical: number; high: number; low: number }[];
    expect(rows[0]).toMatchObject({ critical: 1, high: 2, low: 1 });
  });

  it("missing is an error (the check fails closed) and the built-in engine's findings are reported instead", async () => {
    const result = await scanContainers(options({ engine: "trivy" }));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ level: "error" });
    expect(result.problems[0]!.message).toMatch(/^engine trivy: trivy is not installed on this runner/);
    expect(result.findings).toHaveLength(15);
  });

  it("an engine that fails on an image is an error naming both, with the engine's own words", async () => {
    const { bin } = await fakeEngines(["trivy"], true);
    const result = await scanContainers(options({ engine: "trivy", env: { PATH: bin } }));
    expect(result.problems).toEqual([
      {
        level: "error",
        runKey: app,
        message: expect.stringMatching(
          new RegExp(
            `^trivy failed on ${app.replace(/[.:/]/g, "\\$&")}: .*FATAL unable to find the specified image`,
          ),
        ) as string,
      },
    ]);
  });
});

describe("engineArguments", () => {
  it("names registry images and local archives the way each tool takes them", () => {
    expect(engineArguments("trivy", "ghcr.io/acme/web:1.2")).toEqual([
      "image",
      "--quiet",
      "--format",
      "json",
      "ghcr.io/acme/web:1.2",
    ]);
    expect(engineArguments("trivy", "docker-archive:build/web.tar")).toEqual([
      "image",
      "--quiet",
      "--format",
      "json",
      "--input",
      "build/web.tar",
    ]);
    expect(engineArguments("grype", "oci:build/layout:1.0")).toEqual([
      "oci-dir:build/layout",
      "-o",
      "json",
      "-q",
    ]);
    expect(engineArguments("grype", "docker-daemon:shop:ci")).toEqual(["docker:shop:ci", "-o", "json", "-q"]);
    expect(engineArguments("trivy", "docker-daemon:shop:ci").at(-1)).toBe("shop:ci");
    expect(engineArguments("grype", "./web.tar")).toEqual(["docker-archive:./web.tar", "-o", "json", "-q"]);
  });
});
