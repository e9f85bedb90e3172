import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverImages, isComposeFile, isDockerfile } from "./discover.js";

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "container-discovery-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const POD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n";

describe("discoverImages", () => {
  it("walks the repository for Dockerfiles, compose files and manifests, paths relative to the workspace", async () => {
    const dir = repo({
      Dockerfile: "FROM node:22-bookworm-slim AS build\nFROM build\n",
      "services/api/Containerfile": "ARG V=3.20\nFROM alpine:${V}\n",
      "services/api/api.dockerfile": "FROM python:3.12-slim\n",
      "compose.yaml": "services:\n  db:\n    image: postgres:16.4\n",
      "deploy/k8s/pod.yml": POD,
      "deploy/values.yaml": "replicas: 2\nimage: {repository: not/scanned}\n",
      ".github/workflows/ci.yml": "apiVersion: v1\nkind: Pod\n",
      "node_modules/x/Dockerfile": "FROM never:1\n",
      "docs/broken.yaml": "apiVersion: v1\nkind: Pod\nspec: [\n",
    });
    const found = await discoverImages({ root: dir, dockerfiles: true, compose: true, kubernetes: true });
    expect(found.images.map((i) => `${i.path}:${i.line} ${i.image} (${i.via})`)).toEqual([
      "Dockerfile:1 node:22-bookworm-slim (Dockerfile FROM)",
      "compose.yaml:3 postgres:16.4 (compose service db)",
      "deploy/k8s/pod.yml:8 busybox:1.36 (Pod p, container c)",
      "services/api/Containerfile:2 alpine:3.20 (Dockerfile FROM)",
      "services/api/api.dockerfile:1 python:3.12-slim (Dockerfile FROM)",
    ]);
    expect(found.dockerfiles.map((d) => d.path)).toEqual([
      "Dockerfile",
      "services/api/Containerfile",
      "services/api/api.dockerfile",
    ]);
    expect(found.problems.map((p) => [p.level, p.path])).toEqual([["warning", "docs/broken.yaml"]]);
    expect(found.filesRead).toBe(6);
  });

  it("Helm templates are not taken for manifests: one notice, no image, no YAML warning", async () => {
    const dir = repo({
      "charts/shop/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n",
      "charts/shop/templates/deployment.yaml": [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        '  name: {{ include "shop.fullname" . }}',
        "spec:",
        "  template:",
        "    spec:",
        "      containers:",
        "        - name: shop",
        '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
        "          {{- with .Values.resources }}",
        "          resources: {{- toYaml . | nindent 12 }}",
        "          {{- end }}",
        "",
      ].join("\n"),
      "k8s/pod.yaml": POD,
    });
    const found = await discoverImages({ root: dir, dockerfiles: true, compose: true, kubernetes: true });
    expect(found.images.map((i) => i.image)).toEqual(["busybox:1.36"]);
    expect(found.problems).toEqual([
      {
        level: "notice",
        message: expect.stringContaining(
          "1 templated manifest (Helm or other Go templates, e.g. charts/shop/templates/deployment.yaml) not read",
        ) as string,
      },
    ]);
  });

  it("each kind can be switched off, and a sub-path keeps workspace-relative paths", async () => {
    const dir = repo({
      "app/Dockerfile": "FROM debian:12\n",
      "app/compose.yml": "services: {a: {image: redis:7}}\n",
    });
    const only = await discoverImages({
      root: join(dir, "app"),
      workspace: dir,
      dockerfiles: false,
      compose: true,
      kubernetes: false,
    });
    expect(only.images.map((i) => [i.path, i.image])).toEqual([["app/compose.yml", "redis:7"]]);
  });

  it("names files the way the ecosystem does", () => {
    for (const name of ["Dockerfile", "Dockerfile.prod", "dockerfile-dev", "Containerfile", "web.Dockerfile"])
      expect(isDockerfile(name), name).toBe(true);
    for (const name of [
      "Dockerfile.ts",
      "Dockerfile.md",
      "docker.md",
      ".dockerignore",
      "Dockerfile.dockerignore",
    ])
      expect(isDockerfile(name), name).toBe(false);
    for (const name of [
      "compose.yaml",
      "docker-compose.yml",
      "docker-compose.prod.yaml",
      "compose.override.yml",
    ])
      expect(isComposeFile(name), name).toBe(true);
    expect(isComposeFile("composer.yaml")).toBe(false);
  });
});
