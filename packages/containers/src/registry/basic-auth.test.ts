// Basic credentials against docker-registry in htpasswd mode (a `Basic` challenge, no token server).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImageReference } from "../reference.js";
import { scanImage } from "../scan-image.js";
import { layerTar } from "../test-support/layer-tar.js";
import { pushImage } from "../test-support/push-image.js";
import { startRegistry, type RunningRegistry } from "../test-support/registry-server.js";
import { RegistryClient } from "./client.js";
import { registryImageSource } from "./registry-source.js";

let dir: string;
let registry: RunningRegistry;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bulwark-htpasswd-"));
  await writeFile(join(dir, "htpasswd"), `reader:${bcrypt.hashSync("open-sesame", 10)}\n`);
  registry = await startRegistry({
    auth: ["htpasswd:", "  realm: bulwark-test", `  path: ${join(dir, "htpasswd")}`].join("\n"),
  });
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("basic credentials", () => {
  it("answers a Basic challenge with credentials from options; without them says credentials are needed", async () => {
    const client = new RegistryClient({
      dockerConfig: false,
      credentials: { [registry.host]: { username: "reader", password: "open-sesame" } },
    });
    const ref = parseImageReference(`${registry.host}/private/app:1`);
    const data = await layerTar([
      { path: "etc/os-release", content: "ID=debian\nVERSION_ID=12\n" },
      {
        path: "var/lib/dpkg/status.d/tzdata",
        content: "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n",
      },
    ]);
    await pushImage(client, ref, "1", [{ createdBy: "COPY status.d", data }]);
    const inventory = await scanImage(await registryImageSource(client, ref), { extractors: [] });
    expect(inventory.packages).toEqual([
      expect.objectContaining({
        name: "tzdata",
        version: "2024a-0+deb12u1",
        ecosystem: "Debian:12",
        file: "/var/lib/dpkg/status.d/tzdata",
      }),
    ]);
    await expect(new RegistryClient({ dockerConfig: false }).getManifest(ref, "1")).rejects.toThrow(
      `${registry.host} needs credentials and none were given`,
    );
    const wrong = new RegistryClient({
      dockerConfig: false,
      credentials: { [registry.host]: { username: "reader", password: "nope" } },
    });
    await expect(wrong.getManifest(ref, "1")).rejects.toThrow(/HTTP 401/);
  });
});
