import type { LayerInfo } from "@bulwark/containers";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "./discovery/dockerfile.js";
import { dockerfileMap, layerLocator, normaliseCreatedBy } from "./dockerfile-locations.js";

const DOCKERFILE = `ARG BASE=debian:11
FROM \${BASE} AS runtime
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \\
 && apt-get install -y curl libexpat1
WORKDIR /usr/src/app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
`;

function layers(createdBy: (string | undefined)[]): LayerInfo[] {
  return createdBy.map((c, index) => ({
    index,
    digest: `sha256:${String(index).repeat(64)}`,
    ...(c !== undefined ? { createdBy: c } : {}),
  }));
}

describe("normaliseCreatedBy", () => {
  it("reduces BuildKit and classic builder history to the instruction's text", () => {
    expect(normaliseCreatedBy("RUN /bin/sh -c apt-get update  && apt-get install -y curl # buildkit")).toBe(
      "apt-get update && apt-get install -y curl",
    );
    expect(
      normaliseCreatedBy("RUN |2 GO_VERSION=1.22 TARGETOS=linux /bin/sh -c go build ./... # buildkit"),
    ).toBe("go build ./...");
    expect(normaliseCreatedBy("COPY . /app # buildkit")).toBe("COPY . /app");
    expect(normaliseCreatedBy("/bin/sh -c #(nop) COPY file:4e1f9c in /app ")).toBe(
      "COPY file:4e1f9c in /app",
    );
    expect(normaliseCreatedBy("/bin/sh -c npm ci --omit=dev")).toBe("npm ci --omit=dev");
  });
});

describe("layerLocator", () => {
  const parsed = parseDockerfile("web/Dockerfile", DOCKERFILE);
  const map = dockerfileMap(parsed)!;

  it("points base layers at FROM and each own layer at the RUN/COPY whose text its history carries", () => {
    expect(map.root.line).toBe(2);
    const image = layers([
      "/bin/sh -c #(nop) ADD file:bullseye-rootfs.tar in / ",
      "RUN /bin/sh -c apt-get update  && apt-get install -y curl libexpat1 # buildkit",
      "WORKDIR /usr/src/app",
      "COPY package.json package-lock.json ./ # buildkit",
      "RUN /bin/sh -c npm ci --omit=dev # buildkit",
      "COPY . . # buildkit",
    ]);
    const locate = layerLocator(map, image, 1);
    expect(locate(image[0]!, true)).toEqual({ path: "web/Dockerfile", startLine: 2 });
    expect(locate(image[1]!, false)).toEqual({ path: "web/Dockerfile", startLine: 4, endLine: 5 });
    expect(locate(image[3]!, false)).toEqual({ path: "web/Dockerfile", startLine: 7, endLine: 7 });
    expect(locate(image[4]!, false)).toEqual({ path: "web/Dockerfile", startLine: 8, endLine: 8 });
    expect(locate(image[5]!, false)).toEqual({ path: "web/Dockerfile", startLine: 9, endLine: 9 });
    // A layer the Dockerfile cannot account for points at the file, not at a wrong line.
    expect(locate(image[2]!, false)).toEqual({ path: "web/Dockerfile" });
  });

  it("falls back to build order when the history has no usable text but one layer per instruction", () => {
    const image = layers([undefined, "", "", "", ""]);
    const locate = layerLocator(map, image, 1);
    expect([1, 2, 3, 4].map((i) => locate(image[i]!, false).startLine)).toEqual([4, 7, 8, 9]);
  });

  it("a target stage built on another stage maps through the chain to the root FROM", () => {
    const multi = parseDockerfile(
      "Dockerfile",
      "FROM debian:11 AS base\nRUN apt-get install -y curl\nFROM base AS app\nCOPY app /app\nFROM scratch\n",
    );
    const appMap = dockerfileMap(multi, "app")!;
    expect(appMap.root.line).toBe(1);
    expect(appMap.instructions.map((i) => i.line)).toEqual([2, 4]);
  });
});
