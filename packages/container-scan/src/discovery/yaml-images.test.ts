import { describe, expect, it } from "vitest";
import { composeImages, kubernetesImages, looksLikeKubernetes } from "./yaml-images.js";

const COMPOSE = `name: shop
services:
  web:
    image: nginx:1.27-alpine
    ports: ["8080:80"]
  api:
    build:
      context: ./api
    image: ghcr.io/acme/shop-api:\${TAG:-latest}
  admin:
    image: ghcr.io/acme/shop-admin:\${TAG:-latest}
  db:
    image: "postgres:16.4"
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db
  worker:
    build: ./worker
  cache:
    image: \${CACHE_IMAGE}
volumes:
  data: {}
`;

describe("composeImages", () => {
  it("lists services.*.image with lines, variables expanded from env or their default", () => {
    const { images, problems } = composeImages("compose.yaml", COMPOSE, { TAG: "2.3.1" });
    expect(images).toEqual([
      { image: "nginx:1.27-alpine", path: "compose.yaml", line: 4, via: "compose service web" },
      {
        image: "ghcr.io/acme/shop-admin:2.3.1",
        path: "compose.yaml",
        line: 11,
        via: "compose service admin",
      },
      { image: "postgres:16.4", path: "compose.yaml", line: 13, via: "compose service db" },
    ]);
    // An unset variable without default is said, not guessed; a service compose builds here (build:
    // with image:) is not an image to pull but a built one (build-only services have no image at all).
    expect(problems).toEqual([
      {
        level: "warning",
        path: "compose.yaml",
        line: 19,
        message: expect.stringContaining(
          "service cache's image ${CACHE_IMAGE} needs ${CACHE_IMAGE}",
        ) as string,
      },
    ]);
    expect(composeImages("compose.yaml", COMPOSE).images[1]!.image).toBe("ghcr.io/acme/shop-admin:latest");
  });

  it("a service that builds its image names the Dockerfile and target, relative to the workspace", () => {
    const { built } = composeImages("deploy/compose.yaml", COMPOSE, { TAG: "2.3.1" });
    expect(built).toEqual([
      {
        image: "ghcr.io/acme/shop-api:2.3.1",
        dockerfile: "deploy/api/Dockerfile",
        path: "deploy/compose.yaml",
        line: 9,
        service: "api",
      },
    ]);
    const long = `services:
  web:
    image: shop-web:ci
    build:
      context: ../web
      dockerfile: docker/Dockerfile.prod
      target: runtime
  remote:
    image: tool:1
    build: https://github.com/acme/tool.git#main
`;
    expect(composeImages("ops/compose.yml", long).built).toEqual([
      {
        image: "shop-web:ci",
        dockerfile: "web/docker/Dockerfile.prod",
        target: "runtime",
        path: "ops/compose.yml",
        line: 3,
        service: "web",
      },
    ]);
  });

  it("invalid YAML is a warning naming file and line", () => {
    const { images, problems } = composeImages(
      "docker-compose.yml",
      "services:\n  web:\n    image: [nginx\n",
    );
    expect(images).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: "warning", path: "docker-compose.yml" });
    expect(problems[0]!.message).toMatch(/^docker-compose\.yml:\d+: not valid YAML/);
  });
});

// Every workload kind the action reads, in one multi-document file as `kubectl apply -f` takes it.
const MANIFESTS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  image: not-an-image:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      initContainers:
        - name: migrate
          image: ghcr.io/acme/migrate:1.4
      containers:
        - name: web
          image: nginx:1.27-alpine
        - name: sidecar
          image: envoyproxy/envoy:v1.31.0
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: logs
spec:
  template:
    spec:
      containers:
        - name: fluent-bit
          image: cr.fluentbit.io/fluent/fluent-bit:3.1
---
apiVersion: batch/v1
kind: Job
metadata:
  name: backfill
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: backfill
          image: ghcr.io/acme/backfill@sha256:${"0".repeat(64)}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              image: ghcr.io/acme/report:2024.11
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: busybox:1.36
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports: [{ port: 80 }]
`;

describe("kubernetesImages", () => {
  it("reads containers and initContainers of every workload kind across documents, with lines", () => {
    expect(looksLikeKubernetes(MANIFESTS)).toBe(true);
    const { images, problems } = kubernetesImages("k8s/app.yaml", MANIFESTS);
    expect(problems).toEqual([]);
    expect(images.map((i) => [i.image, i.line, i.via])).toEqual([
      ["ghcr.io/acme/migrate:1.4", 18, "Deployment web, initContainer migrate"],
      ["nginx:1.27-alpine", 21, "Deployment web, container web"],
      ["envoyproxy/envoy:v1.31.0", 23, "Deployment web, container sidecar"],
      ["postgres:16.4", 34, "StatefulSet db, container postgres"],
      ["cr.fluentbit.io/fluent/fluent-bit:3.1", 45, "DaemonSet logs, container fluent-bit"],
      [`ghcr.io/acme/backfill@sha256:${"0".repeat(64)}`, 57, "Job backfill, container backfill"],
      ["ghcr.io/acme/report:2024.11", 71, "CronJob nightly, container report"],
      ["busybox:1.36", 80, "Pod debug, container shell"],
    ]);
    expect(images.every((i) => i.path === "k8s/app.yaml")).toBe(true);
  });

  it("reads the items of a List (kubectl get -o yaml)", () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: a }
    spec:
      template:
        spec:
          containers:
            - name: a
              image: redis:7.4
`;
    expect(kubernetesImages("list.yaml", list).images).toEqual([
      { image: "redis:7.4", path: "list.yaml", line: 12, via: "Deployment a, container a" },
    ]);
  });

  it("a broken document is a warning; the other documents are still read", () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: ok
      image: busybox:1.36
---
apiVersion: v1
kind: Pod
spec: { containers: [ { name: x, image: "unterminated } ] }
`;
    const { images, problems } = kubernetesImages("pods.yaml", text);
    expect(images.map((i) => i.image)).toEqual(["busybox:1.36"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^pods\.yaml:\d+: not valid YAML/);
  });

  it("an image with an unsubstituted variable (envsubst) is a warning with its line, not a pull of garbage", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: ${REGISTRY}/shop:${TAG}\n";
    const { images, problems } = kubernetesImages("deploy/pod.yaml", text);
    expect(images).toEqual([]);
    expect(problems).toEqual([
      {
        level: "warning",
        path: "deploy/pod.yaml",
        line: 8,
        message: expect.stringContaining(
          "Pod p's image ${REGISTRY}/shop:${TAG} holds an unsubstituted variable",
        ) as string,
      },
    ]);
  });

  it("YAML that is not a manifest is not taken for one", () => {
    expect(looksLikeKubernetes("name: ci\non: push\njobs: {}\n")).toBe(false);
  });
});
