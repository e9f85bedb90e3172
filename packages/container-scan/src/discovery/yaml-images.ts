// Images named in compose files (`services.*.image`) and Kubernetes manifests (containers,
// initContainers and ephemeralContainers of Pods and of the pod templates of Deployments, StatefulSets,
// DaemonSets, ReplicaSets, Jobs and CronJobs; `List` items too), every document of multi-document YAML.
import type { ScanProblem } from "@bulwark/core";
import { posix } from "node:path";
import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from "yaml";

export interface FoundImage {
  image: string;
  path: string;
  line?: number;
  /** "compose" or "kubernetes", plus the service or workload it belongs to. */
  via: string;
}

const WORKLOADS = new Set([
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "ReplicationController",
]);
const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"];
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function lineOf(node: Node | null | undefined, counter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/** The node at a path of keys/indexes, for its line. */
function nodeAt(root: unknown, path: (string | number)[]): Node | undefined {
  let current: unknown = root;
  for (const key of path) {
    if (isMap(current)) current = current.get(key, true);
    else if (isSeq(current)) current = current.get(key as number, true);
    else return undefined;
  }
  return current as Node | undefined;
}

function documents(path: string, text: string, problems: ScanProblem[]) {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false });
  const out: { contents: unknown; value: Json }[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      problems.push({
        level: "warning",
        path,
        ...(line !== undefined ? { line } : {}),
        message: `${path}${line !== undefined ? `:${line}` : ""}: not valid YAML (${error.message.split("\n")[0]}); images in it are not scanned`,
      });
      continue;
    }
    out.push({ contents: doc.contents, value: doc.toJS({ maxAliasCount: 100 }) as Json });
  }
  return { docs: out, counter };
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An image a compose service builds here (`build:` with `image:`), and the Dockerfile that builds it. */
export interface BuiltImage {
  image: string;
  /** Relative to the workspace, like the compose file's path. */
  dockerfile: string;
  target?: string;
  path: string;
  line?: number;
  service: string;
}

/** `build: <context>` or `build: { context, dockerfile, target }`, relative to the compose file. */
function buildDockerfile(
  composePath: string,
  build: Json,
): { dockerfile: string; target?: string } | undefined {
  const spec = typeof build === "string" ? { context: build } : isObject(build) ? build : undefined;
  if (!spec) return undefined;
  const context = typeof spec.context === "string" ? spec.context : ".";
  // A remote context (git URL) has no Dockerfile in this repository.
  if (/^[a-z]+:\/\/|^git@/i.test(context)) return undefined;
  const dockerfile = typeof spec.dockerfile === "string" ? spec.dockerfile : "Dockerfile";
  const path = posix.normalize(posix.join(posix.dirname(composePath), context, dockerfile));
  if (path.startsWith("../")) return undefined;
  return { dockerfile: path, ...(typeof spec.target === "string" ? { target: spec.target } : {}) };
}

function expand(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
): { value: string; unresolved?: string } {
  let unresolved: string | undefined;
  const value = text.replace(VARIABLE, (_m, braced: string, fallback: string, bare: string) => {
    const name = braced ?? bare;
    const v = env[name];
    if (v !== undefined && v !== "") return v;
    if (fallback !== undefined) return fallback;
    unresolved ??= name;
    return "";
  });
  return unresolved !== undefined ? { value, unresolved } : { value };
}

export function composeImages(
  path: string,
  text: string,
  env: Readonly<Record<string, string | undefined>> = {},
): { images: FoundImage[]; built: BuiltImage[]; problems: ScanProblem[] } {
  const problems: ScanProblem[] = [];
  const images: FoundImage[] = [];
  const built: BuiltImage[] = [];
  const { docs, counter } = documents(path, text, problems);
  for (const { contents, value } of docs) {
    if (!isObject(value) || !isObject(value.services)) continue;
    for (const [service, definition] of Object.entries(value.services)) {
      if (!isObject(definition) || typeof definition.image !== "string") continue;
      const line = lineOf(nodeAt(contents, ["services", service, "image"]), counter);
      const at = `${path}${line !== undefined ? `:${line}` : ""}`;
      const { value: image, unresolved } = expand(definition.image, env);
      if (unresolved !== undefined) {
        problems.push({
          level: "warning",
          path,
          ...(line !== undefined ? { line } : {}),
          message: `${at}: service ${service}'s image ${definition.image} needs \${${unresolved}}, which has no default; not scanned`,
        });
        continue;
      }
      // `build:` with `image:` names what compose builds here: not in any registry yet, perhaps never.
      // It is not pulled; listed in the images input, it is scanned with this Dockerfile's lines.
      if (definition.build !== undefined && definition.build !== null) {
        const from = buildDockerfile(path, definition.build);
        if (from) {
          built.push({ image, ...from, path, ...(line !== undefined ? { line } : {}), service });
        }
        continue;
      }
      images.push({
        image,
        path,
        ...(line !== undefined ? { line } : {}),
        via: `compose service ${service}`,
      });
    }
  }
  return { images, built, problems };
}

/** The pod spec of a manifest, and the key path to it. */
function podSpecs(
  value: Json,
  at: (string | number)[],
): { spec: Json; path: (string | number)[]; what: string }[] {
  if (!isObject(value)) return [];
  const kind = typeof value.kind === "string" ? value.kind : "";
  const name =
    isObject(value.metadata) && typeof value.metadata.name === "string" ? value.metadata.name : "?";
  const spec = value.spec;
  if (kind === "List" && Array.isArray(value.items)) {
    return value.items.flatMap((item, i) => podSpecs(item, [...at, "items", i]));
  }
  if (!isObject(spec)) return [];
  if (kind === "Pod") return [{ spec, path: [...at, "spec"], what: `Pod ${name}` }];
  if (WORKLOADS.has(kind) && isObject(spec.template) && isObject(spec.template.spec)) {
    return [{ spec: spec.template.spec, path: [...at, "spec", "template", "spec"], what: `${kind} ${name}` }];
  }
  if (kind === "CronJob") {
    const job = spec.jobTemplate;
    if (
      isObject(job) &&
      isObject(job.spec) &&
      isObject(job.spec.template) &&
      isObject(job.spec.template.spec)
    ) {
      return [
        {
          spec: job.spec.template.spec,
          path: [...at, "spec", "jobTemplate", "spec", "template", "spec"],
          what: `CronJob ${name}`,
        },
      ];
    }
  }
  return [];
}

/** True when the text looks like Kubernetes manifests (worth parsing). */
export function looksLikeKubernetes(text: string): boolean {
  return /^\s*apiVersion:/m.test(text) && /^\s*kind:/m.test(text);
}

export function kubernetesImages(
  path: string,
  text: string,
): { images: FoundImage[]; problems: ScanProblem[] } {
  const problems: ScanProblem[] = [];
  const images: FoundImage[] = [];
  const { docs, counter } = documents(path, text, problems);
  for (const { contents, value } of docs) {
    for (const pod of podSpecs(value, [])) {
      if (!isObject(pod.spec)) continue;
      for (const list of CONTAINER_LISTS) {
        const containers = pod.spec[list];
        if (!Array.isArray(containers)) continue;
        containers.forEach((container, i) => {
          if (!isObject(container) || typeof container.image !== "string" || container.image === "") return;
          const line = lineOf(nodeAt(contents, [...pod.path, list, i, "image"]), counter);
          const name = typeof container.name === "string" ? container.name : String(i);
          if (/\$\{?[A-Za-z_(]/.test(container.image)) {
            // envsubst / kustomize-style placeholders: the real image is only known after substitution.
            problems.push({
              level: "warning",
              path,
              ...(line !== undefined ? { line } : {}),
              message: `${path}${line !== undefined ? `:${line}` : ""}: ${pod.what}'s image ${container.image} holds an unsubstituted variable; not scanned (list the real image in the images input)`,
            });
            return;
          }
          images.push({
            image: container.image,
            path,
            ...(line !== undefined ? { line } : {}),
            via: `${pod.what}, ${list === "containers" ? "container" : list.replace(/s$/, "")} ${name}`,
          });
        });
      }
    }
  }
  return { images, problems };
}
