import { describe, expect, it } from "vitest";
import { imageRequests, parseImageInput } from "./image-requests.js";

describe("parseImageInput", () => {
  it("reads <image>[=<Dockerfile>[#<stage>]]", () => {
    expect(parseImageInput(" ghcr.io/acme/web:1.2 ")).toEqual({ spec: "ghcr.io/acme/web:1.2" });
    expect(parseImageInput("ghcr.io/acme/web:1.2=web/Dockerfile")).toEqual({
      spec: "ghcr.io/acme/web:1.2",
      dockerfile: "web/Dockerfile",
    });
    expect(parseImageInput("docker-archive:build/web.tar = web/Dockerfile#runtime")).toEqual({
      spec: "docker-archive:build/web.tar",
      dockerfile: "web/Dockerfile",
      target: "runtime",
    });
  });
});

describe("imageRequests", () => {
  it("one request per image; FROM-only images are base images; every place that named it is kept", () => {
    const requests = imageRequests(
      ["ghcr.io/acme/web:1.2=web/Dockerfile", "", "ghcr.io/acme/web:1.2"],
      [
        { image: "debian:12-slim", path: "web/Dockerfile", line: 1, via: "Dockerfile FROM" },
        { image: "redis:7.4", path: "compose.yaml", line: 5, via: "compose service cache" },
        { image: "redis:7.4", path: "Dockerfile.redis", line: 1, via: "Dockerfile FROM" },
        {
          image: "ghcr.io/acme/web:1.2",
          path: "k8s/web.yaml",
          line: 20,
          via: "Deployment web, container web",
        },
      ],
    );
    expect(requests.map((r) => [r.spec, r.dockerfile, r.isBaseImage, r.origins.map((o) => o.via)])).toEqual([
      ["ghcr.io/acme/web:1.2", "web/Dockerfile", false, ["images input", "Deployment web, container web"]],
      ["debian:12-slim", undefined, true, ["Dockerfile FROM"]],
      // Deployed as it is (compose), so not only a base image.
      ["redis:7.4", undefined, false, ["compose service cache", "Dockerfile FROM"]],
    ]);
    expect(requests[2]!.origins[0]!.location).toEqual({ path: "compose.yaml", startLine: 5 });
  });

  it("an image compose builds here learns its Dockerfile and target, unless the input named one", () => {
    const built = [
      {
        image: "shop-web:ci",
        dockerfile: "web/Dockerfile",
        target: "runtime",
        path: "compose.yaml",
        line: 3,
        service: "web",
      },
      { image: "shop-api:ci", dockerfile: "api/Dockerfile", path: "compose.yaml", line: 8, service: "api" },
      { image: "never-named:1", dockerfile: "x/Dockerfile", path: "compose.yaml", line: 12, service: "x" },
    ];
    const requests = imageRequests(["shop-web:ci", "shop-api:ci=api/Dockerfile.dev"], [], built);
    expect(requests.map((r) => [r.spec, r.dockerfile, r.target, r.origins.map((o) => o.via)])).toEqual([
      ["shop-web:ci", "web/Dockerfile", "runtime", ["images input", "compose service web (build)"]],
      ["shop-api:ci", "api/Dockerfile.dev", undefined, ["images input"]],
    ]);
  });
});
