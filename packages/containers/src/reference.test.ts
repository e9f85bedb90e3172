import { describe, expect, it } from "vitest";
import { formatImageReference, parseImageReference } from "./reference.js";

const DIGEST = "sha256:" + "a".repeat(64);

describe("parseImageReference", () => {
  it.each([
    ["debian", { registry: "docker.io", repository: "library/debian", tag: "latest" }],
    ["debian:12", { registry: "docker.io", repository: "library/debian", tag: "12" }],
    ["bitnami/redis:7.2", { registry: "docker.io", repository: "bitnami/redis", tag: "7.2" }],
    ["docker.io/library/alpine:3.20", { registry: "docker.io", repository: "library/alpine", tag: "3.20" }],
    ["index.docker.io/nginx", { registry: "docker.io", repository: "library/nginx", tag: "latest" }],
    ["ghcr.io/owner/app/sub:v1.2.3", { registry: "ghcr.io", repository: "owner/app/sub", tag: "v1.2.3" }],
    ["localhost:5000/x/y:dev", { registry: "localhost:5000", repository: "x/y", tag: "dev" }],
    ["localhost/app", { registry: "localhost", repository: "app", tag: "latest" }],
    [`alpine@${DIGEST}`, { registry: "docker.io", repository: "library/alpine", digest: DIGEST }],
    [
      `127.0.0.1:5000/a:t@${DIGEST}`,
      { registry: "127.0.0.1:5000", repository: "a", tag: "t", digest: DIGEST },
    ],
    [
      "my-registry.example.com:443/team/my_app__x",
      { registry: "my-registry.example.com:443", repository: "team/my_app__x", tag: "latest" },
    ],
  ])("%s", (text, expected) => {
    expect(parseImageReference(text)).toEqual(expected);
  });

  it.each([
    ["", "empty"],
    ["Debian:12", "lowercase"],
    ["debian:", "bad tag"],
    ["debian@sha256:abc", "bad digest"],
    ["a//b", "lowercase components"],
    ["debian:-x", "bad tag"],
  ])("rejects %j", (text, reason) => {
    expect(() => parseImageReference(text)).toThrow(reason);
  });

  it("formats back to the canonical form", () => {
    expect(formatImageReference(parseImageReference("debian:12"))).toBe("docker.io/library/debian:12");
    expect(formatImageReference(parseImageReference(`localhost:5000/a@${DIGEST}`))).toBe(
      `localhost:5000/a@${DIGEST}`,
    );
  });
});
