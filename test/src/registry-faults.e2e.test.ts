// Faults between the container engine and a registry, injected by the fault proxy in front of Debian's
// docker-registry on 127.0.0.1: manifests and the image config are retried through every kind of fault
// (a cut-off or garbled body too, since they are read whole), layers through the faults that come before
// their body; a fault that lasts ends in an error naming the image and the fault.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  parseImageReference,
  registryImageSource,
  RegistryClient,
  scanImage,
  type ImageInventory,
} from "../../packages/containers/src/index.js";
import { layerTar } from "../../packages/containers/src/test-support/layer-tar.js";
import { pushImage } from "../../packages/containers/src/test-support/push-image.js";
import {
  startRegistry,
  type RunningRegistry,
} from "../../packages/containers/src/test-support/registry-server.js";
import { FAULT_KINDS, FaultProxy, type FaultKind } from "./harness/fault-proxy.js";

const OS_RELEASE = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const STATUS = [
  "Package: zlib1g",
  "Status: install ok installed",
  "Architecture: amd64",
  "Source: zlib",
  "Version: 1:1.2.13.dfsg-1",
  "",
  "Package: libexpat1",
  "Status: install ok installed",
  "Architecture: amd64",
  "Source: expat",
  "Version: 2.5.0-1",
  "",
].join("\n");

let registry: RunningRegistry;
let clean: ImageInventory;

beforeAll(async () => {
  registry = await startRegistry();
  const client = new RegistryClient({ dockerConfig: false });
  const layer = await layerTar(
    [
      { path: "etc/os-release", content: OS_RELEASE },
      { path: "var/lib/dpkg/status", content: STATUS },
    ],
    { gzip: true },
  );
  await pushImage(client, parseImageReference(`${registry.host}/demo/app`), "1", [
    { data: layer, createdBy: "/bin/sh -c #(nop) ADD rootfs.tar /" },
  ]);
  clean = await scan(registry.host);
}, 60_000);

afterAll(async () => {
  await registry?.stop();
});

/** The image's inventory through `host`, with retries quick enough for a test. */
async function scan(host: string): Promise<ImageInventory> {
  const client = new RegistryClient({ dockerConfig: false, retries: 3, backoffMs: 50, timeoutMs: 400 });
  const source = await registryImageSource(client, parseImageReference(`${host}/demo/app:1`));
  return scanImage(source, { extractors: [] });
}

async function withProxy<T>(body: (proxy: FaultProxy, host: string) => Promise<T>): Promise<T> {
  const proxy = await new FaultProxy(`http://${registry.host}`).start();
  try {
    return await body(proxy, new URL(proxy.url).host);
  } finally {
    await proxy.stop();
  }
}

const packages = (inventory: ImageInventory) =>
  inventory.packages.map((p) => `${p.ecosystem} ${p.name} ${p.version}`).sort();
const manifests = ({ path }: { path: string }) => path.includes("/manifests/");
const blobs = ({ path }: { path: string }) => path.includes("/blobs/");

/** What each fault looks like in the error once the attempts run out. */
const EXPECTED: Record<FaultKind, RegExp> = {
  timeout: /no response within 400 ms/,
  "rate-limit": /HTTP 429/,
  "server-error": /HTTP 503/,
  reset: /fetch failed|ECONNRESET|socket/i,
  truncated: /terminated|other side closed|ECONNRESET|digest mismatch|not JSON/i,
  "invalid-body": /not JSON|digest mismatch/,
  "wrong-content-type": /not JSON \(text\/html/,
};

describe("registry client behind a faulty network", () => {
  it("the clean scan lists the image's packages", () => {
    expect(packages(clean)).toEqual(["Debian:12 libexpat1 2.5.0-1", "Debian:12 zlib1g 1:1.2.13.dfsg-1"]);
    expect(clean.problems.filter((p) => p.level === "error")).toEqual([]);
  });

  it.each(FAULT_KINDS)(
    "%s twice on the manifest: retried, the same inventory",
    async (kind) => {
      await withProxy(async (proxy, host) => {
        proxy.inject({ kind, times: 2, match: manifests, retryAfter: "0" });
        const inventory = await scan(host);
        expect(packages(inventory)).toEqual(packages(clean));
        expect(inventory.problems.filter((p) => p.level === "error")).toEqual([]);
        expect(proxy.faulted(kind)).toHaveLength(2);
      });
    },
    30_000,
  );

  it.each(["timeout", "rate-limit", "server-error", "reset"] as const)(
    "%s twice on every blob (config and layer): retried, the same inventory",
    async (kind) => {
      await withProxy(async (proxy, host) => {
        proxy.inject({ kind, times: 2, match: blobs, retryAfter: "0" });
        const inventory = await scan(host);
        expect(packages(inventory)).toEqual(packages(clean));
        expect(inventory.problems.filter((p) => p.level === "error")).toEqual([]);
        expect(proxy.faulted(kind)).toHaveLength(2);
      });
    },
    30_000,
  );

  it.each(FAULT_KINDS)(
    "%s on the manifest for good: an error naming the image and the fault after four attempts",
    async (kind) => {
      await withProxy(async (proxy, host) => {
        proxy.inject({ kind, match: manifests, retryAfter: "0" });
        const error = await scan(host).then(
          () => undefined,
          (e: Error) => e,
        );
        expect(error?.message).toMatch(/manifests\/1|demo\/app/);
        expect(error?.message).toMatch(/after 4 attempts/);
        expect(error?.message).toMatch(EXPECTED[kind]);
        expect(proxy.requests.filter((r) => manifests(r))).toHaveLength(4);
      });
    },
    30_000,
  );
});
