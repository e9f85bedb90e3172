// The bearer-token flow and credentials against docker-registry in token-auth mode, with a token server
// issuing real signed JWTs; retries against a registry behind a proxy that fails requests at first.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request as httpRequest, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImageReference } from "../reference.js";
import { scanImage } from "../scan-image.js";
import { layerTar } from "../test-support/layer-tar.js";
import { pushImage } from "../test-support/push-image.js";
import { freePort, startRegistry, type RunningRegistry } from "../test-support/registry-server.js";
import { startTokenServer, type TokenServer } from "../test-support/token-server.js";
import { RegistryClient } from "./client.js";
import { readDockerConfigCredentials } from "./credentials.js";
import { registryImageSource } from "./registry-source.js";
import { parseWwwAuthenticate } from "./www-authenticate.js";

const USER = { username: "ci-bot", password: "s3cret-pass" };
let dir: string;
let tokens: TokenServer;
let registry: RunningRegistry;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bulwark-auth-"));
  tokens = await startTokenServer(dir, USER);
  registry = await startRegistry({ auth: tokens.registryAuthYaml() });
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  await tokens?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const layer = () =>
  layerTar(
    [
      { path: "lib/apk/db/installed", content: "P:busybox\nV:1.36.1-r29\nA:x86_64\no:busybox\n\n" },
      { path: "etc/os-release", content: "ID=alpine\nVERSION_ID=3.20.3\n" },
    ],
    {
      gzip: true,
    },
  );

describe("registry authentication", () => {
  it("parses WWW-Authenticate challenges", () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/debian:pull"',
      ),
    ).toEqual({
      scheme: "bearer",
      params: {
        realm: "https://auth.docker.io/token",
        service: "registry.docker.io",
        scope: "repository:library/debian:pull",
      },
    });
    expect(parseWwwAuthenticate('Basic realm="Registry Realm"')).toEqual({
      scheme: "basic",
      params: { realm: "Registry Realm" },
    });
  });

  it("reads credentials from a Docker config file (auth or username/password) and names a broken one", async () => {
    const file = join(dir, "config.json");
    await writeFile(
      file,
      JSON.stringify({
        auths: {
          "https://index.docker.io/v1/": { auth: Buffer.from("hubuser:hubpass").toString("base64") },
          "ghcr.io": { username: "u", password: "p" },
          "https://quay.io": { auth: Buffer.from("q:with:colon").toString("base64") },
        },
      }),
    );
    expect(Object.fromEntries(await readDockerConfigCredentials(file))).toEqual({
      "docker.io": { username: "hubuser", password: "hubpass" },
      "ghcr.io": { username: "u", password: "p" },
      "quay.io": { username: "q", password: "with:colon" },
    });
    expect((await readDockerConfigCredentials(join(dir, "missing.json"))).size).toBe(0);
    await writeFile(join(dir, "broken.json"), "{ nope");
    await expect(readDockerConfigCredentials(join(dir, "broken.json"))).rejects.toThrow(
      `${join(dir, "broken.json")}: not valid JSON`,
    );
  });

  it("pushes with Docker config credentials via bearer tokens, pulls anonymously, and refuses anonymous pushes", async () => {
    const config = join(dir, "docker-config.json");
    await writeFile(
      config,
      JSON.stringify({
        auths: {
          [registry.host]: { auth: Buffer.from(`${USER.username}:${USER.password}`).toString("base64") },
        },
      }),
    );
    const pusher = new RegistryClient({ dockerConfig: config });
    const ref = parseImageReference(`${registry.host}/team/app`);
    await pushImage(pusher, ref, "1", [{ createdBy: "ADD alpine", data: await layer() }]);
    expect(
      tokens.requests.some(
        (r) =>
          r.user === USER.username &&
          r.scope === "repository:team/app:push,pull" &&
          r.service === tokens.service,
      ),
    ).toBe(true);

    const before = tokens.requests.length;
    const anonymous = new RegistryClient({ dockerConfig: false });
    const inventory = await scanImage(
      await registryImageSource(anonymous, parseImageReference(`${registry.host}/team/app:1`)),
      { extractors: [] },
    );
    expect(
      inventory.packages.map((p) => `${p.ecosystem} ${p.name}@${p.version} origin=${p.sourceName}`),
    ).toEqual(["Alpine:v3.20 busybox@1.36.1-r29 origin=busybox"]);
    const pulls = tokens.requests.slice(before);
    // One token per repository scope, reused for the manifest, config and layer requests.
    expect(pulls).toEqual([{ service: tokens.service, scope: "repository:team/app:pull" }]);

    await expect(
      pushImage(anonymous, parseImageReference(`${registry.host}/team/other`), "1", [
        { createdBy: "x", data: await layer() },
      ]),
    ).rejects.toThrow(/HTTP 401/);
    const wrong = new RegistryClient({
      dockerConfig: false,
      credentials: { [registry.host]: { username: USER.username, password: "wrong" } },
    });
    await expect(wrong.getManifest(ref, "1")).rejects.toThrow(/token request to .* HTTP 401/);
  });

  it("retries 503s with backoff and gives up with the status after the retry budget", async () => {
    let failuresLeft = 0;
    let seen = 0;
    const port = await freePort();
    const [registryHost, registryPort] = registry.host.split(":");
    // A proxy in front of the real registry that answers 503 while failuresLeft > 0.
    const proxy: Server = createServer((req, res) => {
      seen++;
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503, { "retry-after": "0" }).end("busy");
        return;
      }
      const upstream = httpRequest(
        {
          host: registryHost,
          port: Number(registryPort),
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
    try {
      const client = new RegistryClient({ dockerConfig: false, backoffMs: 1, retries: 3 });
      const ref = parseImageReference(`127.0.0.1:${port}/team/app`);
      failuresLeft = 2;
      const manifest = await client.getManifest(ref, "1");
      expect(manifest.digest).toMatch(/^sha256:/);
      failuresLeft = 10;
      seen = 0;
      await expect(client.getManifest(ref, "1")).rejects.toThrow(/HTTP 503/);
      expect(seen).toBe(4);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
