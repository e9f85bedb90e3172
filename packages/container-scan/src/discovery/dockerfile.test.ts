import { describe, expect, it } from "vitest";
import { baseImages, finalStage, parseDockerfile, rootStage } from "./dockerfile.js";

// A Go service the way such Dockerfiles are written: global ARGs, a build stage, a test stage built on
// it, a runtime stage from a registry ARG with a default, and a scratch export stage.
const MULTI_STAGE = `# syntax=docker/dockerfile:1.7
ARG GO_VERSION=1.22
ARG DEBIAN_RELEASE=bookworm
ARG REGISTRY
FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION}-\${DEBIAN_RELEASE} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \\
    go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM build AS test
RUN go test ./...

FROM \${REGISTRY:-docker.io}/library/debian:\${DEBIAN_RELEASE}-slim AS Runtime
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ca-certificates curl \\
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/server /usr/local/bin/server
USER 65532
ENTRYPOINT ["/usr/local/bin/server"]

FROM scratch AS export
COPY --from=build /out/server /
`;

describe("parseDockerfile", () => {
  it("expands ARG defaults, tells stage references and scratch from images, keeps lines", () => {
    const parsed = parseDockerfile("services/api/Dockerfile", MULTI_STAGE);
    expect(parsed.problems).toEqual([]);
    expect(parsed.stages.map((s) => [s.index, s.name, s.from, s.line, s.image, s.parent])).toEqual([
      [0, "build", "golang:1.22-bookworm", 5, "golang:1.22-bookworm", undefined],
      [1, "test", "build", 13, undefined, 0],
      [
        2,
        "runtime",
        "docker.io/library/debian:bookworm-slim",
        16,
        "docker.io/library/debian:bookworm-slim",
        undefined,
      ],
      [3, "export", "scratch", 24, undefined, undefined],
    ]);
    expect(baseImages(parsed)).toEqual([
      { image: "golang:1.22-bookworm", line: 5 },
      { image: "docker.io/library/debian:bookworm-slim", line: 16 },
    ]);
  });

  it("lists the layer-making instructions of each stage with their line span, flags left out", () => {
    const parsed = parseDockerfile("Dockerfile", MULTI_STAGE);
    expect(parsed.stages[0]!.layerInstructions.map((i) => [i.keyword, i.text, i.line, i.endLine])).toEqual([
      ["COPY", "go.mod go.sum ./", 7, 7],
      ["RUN", "go mod download", 8, 9],
      ["COPY", ". .", 10, 10],
      ["RUN", "CGO_ENABLED=0 go build -o /out/server ./cmd/server", 11, 11],
    ]);
    expect(parsed.stages[2]!.layerInstructions.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ["RUN", 17, 19],
      ["COPY", 20, 20],
    ]);
  });

  it("build args override ARG defaults, as --build-arg does", () => {
    const parsed = parseDockerfile("Dockerfile", MULTI_STAGE, {
      DEBIAN_RELEASE: "bullseye",
      REGISTRY: "registry.example.com:5000",
    });
    expect(baseImages(parsed).map((b) => b.image)).toEqual([
      "golang:1.22-bullseye",
      "registry.example.com:5000/library/debian:bullseye-slim",
    ]);
  });

  it("final stage, build targets (any case) and the stage whose FROM is the base", () => {
    const parsed = parseDockerfile("Dockerfile", MULTI_STAGE);
    expect(finalStage(parsed)?.name).toBe("export");
    expect(finalStage(parsed, "RUNTIME")?.index).toBe(2);
    expect(finalStage(parsed, "missing")).toBeUndefined();
    expect(rootStage(parsed, finalStage(parsed, "test")!).name).toBe("build");
  });

  it("a FROM needing an ARG without a default is a warning with file and line; the rest is still read", () => {
    const parsed = parseDockerfile(
      "deploy/Dockerfile",
      "ARG BASE\nFROM ${BASE}\nRUN true\nFROM nginx:1.27-alpine\n",
    );
    expect(parsed.problems).toEqual([
      {
        level: "warning",
        path: "deploy/Dockerfile",
        line: 2,
        message: expect.stringContaining("deploy/Dockerfile:2: FROM ${BASE} uses ${BASE}") as string,
      },
    ]);
    expect(baseImages(parsed)).toEqual([{ image: "nginx:1.27-alpine", line: 4 }]);
  });

  it("a file without FROM is named in a warning", () => {
    const parsed = parseDockerfile("Dockerfile.notes", "just some text\n");
    expect(parsed.stages).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ level: "warning", path: "Dockerfile.notes" });
  });

  it("digest references are kept whole", () => {
    const digest = "sha256:" + "ab".repeat(32);
    const parsed = parseDockerfile("Dockerfile", `FROM debian:12@${digest}\n`);
    expect(baseImages(parsed)).toEqual([{ image: `debian:12@${digest}`, line: 1 }]);
  });
});
