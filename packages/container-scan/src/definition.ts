// The container-scan check as the action and the CLI see it: its inputs and how they map to the pipeline.
import { isAbsolute, join } from "node:path";
import { commonInputs, defineCheck, input } from "@bulwark/core";
import {
  LayerCache,
  normaliseHost,
  parsePlatform,
  RegistryClient,
  type Credential,
} from "@bulwark/containers";
import { chooseDatabase, osvDatabaseInputs } from "@bulwark/osv-scan";
import { ENGINES, type EngineChoice } from "./engines/external-engines.js";
import { scanContainers } from "./scan-containers.js";

/** KEY=VALUE lines; a line without `=` is an input error, said with the line. */
function buildArgs(lines: readonly string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (const line of lines) {
    const text = line.trim();
    if (!text) continue;
    const eq = text.indexOf("=");
    if (eq <= 0) throw new Error(`build-args: "${text}" is not KEY=VALUE`);
    args[text.slice(0, eq).trim()] = text.slice(eq + 1).trim();
  }
  return args;
}

export const containerScanCheck = defineCheck({
  name: "container-scan",
  description:
    "Scans container images (given, or named by the repository's Dockerfiles, compose files and Kubernetes manifests) for known vulnerabilities, naming the layer and base image that brought each.",
  specs: [
    ...commonInputs,
    input.list("images", {
      description:
        "Images to scan, one per line: references by tag or digest (read from the local Docker daemon when it has them, else from the registry), docker-daemon:<ref>, docker-archive:<file>, oci:<dir or tar>[:<ref>], or a path. Write <image>=<Dockerfile> (or <image>=<Dockerfile>#<stage>) to say which Dockerfile built it: findings then point at its lines.",
      default: [],
    }),
    input.string("platform", {
      description: "Platform picked from multi-arch images (os/arch[/variant]).",
      default: "linux/amd64",
    }),
    input.boolean("discover-dockerfiles", {
      description:
        "Also scan the images the FROM lines of Dockerfiles under path pull (ARG defaults expanded; stage names and scratch skipped).",
      default: true,
    }),
    input.list("build-args", {
      description:
        "Dockerfile ARG values as KEY=VALUE lines, like docker build --build-arg: they override ARG defaults in FROM lines.",
      default: [],
    }),
    input.boolean("discover-compose", {
      description: "Also scan the images of services in compose files under path.",
      default: true,
    }),
    input.boolean("discover-kubernetes", {
      description:
        "Also scan the container images of Kubernetes manifests under path (Pods, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs).",
      default: true,
    }),
    input.boolean("language-packages", {
      description: "Also check language packages inside images (lockfiles, installed package metadata).",
      default: true,
    }),
    input.choice("engine", {
      values: ENGINES,
      description:
        "Who finds vulnerabilities: builtin (this action's own engine); trivy or grype (that tool's findings alone, the tool installed on the runner; missing, it is an error and the built-in findings stand in); all (the built-in engine merged with every installed tool, each finding saying which found it; a missing tool is a notice).",
      default: "builtin",
    }),
    input.string("sbom-dir", {
      description:
        "Directory (relative to the workspace) to write a CycloneDX 1.6 SBOM per image to (<image>.cdx.json, with each package's layer); none when empty.",
    }),
    input.string("layer-cache", {
      description:
        "Directory (relative to the workspace) to keep downloaded layers in across runs (with actions/cache).",
    }),
    input.string("registry-username", {
      description:
        "User name for registry (below); ghcr.io uses the token input when no credentials are given.",
    }),
    input.string("registry-password", {
      description: "Password or token for registry.",
      configurable: false,
    }),
    input.string("registry", {
      description: "Registry host the registry-username and registry-password are for.",
      default: "docker.io",
    }),
    ...osvDatabaseInputs,
  ] as const,
  async run(inputs, context) {
    const inWorkspace = (p: string) => (isAbsolute(p) ? p : join(context.workspace, p));
    const source = chooseDatabase({
      mode: inputs.database,
      cacheDir: inputs.databaseCache ? inWorkspace(inputs.databaseCache) : join(context.tempDir, "osv"),
      apiUrl: inputs.osvApiUrl,
      exportsUrl: inputs.osvDbUrl,
      retry: { attempts: 4 },
    });
    const credentials: Record<string, Credential> = {};
    const secrets: string[] = [];
    if (inputs.registryUsername && inputs.registryPassword) {
      // "index.docker.io", "https://ghcr.io/" and the like name the hosts references resolve to.
      credentials[normaliseHost(inputs.registry)] = {
        username: inputs.registryUsername,
        password: inputs.registryPassword,
      };
      secrets.push(inputs.registryPassword);
    }
    if (!credentials["ghcr.io"] && inputs.token) {
      // GHCR takes the workflow token as a password with any user name.
      credentials["ghcr.io"] = { username: context.env.GITHUB_ACTOR ?? "bulwark", password: inputs.token };
    }
    const result = await scanContainers({
      workspace: context.workspace,
      root: context.root,
      images: inputs.images,
      platform: parsePlatform(inputs.platform),
      discover: {
        dockerfiles: inputs.discoverDockerfiles,
        compose: inputs.discoverCompose,
        kubernetes: inputs.discoverKubernetes,
      },
      buildArgs: buildArgs(inputs.buildArgs),
      source,
      client: new RegistryClient({ credentials }),
      cache: new LayerCache(inputs.layerCache ? inWorkspace(inputs.layerCache) : undefined),
      languagePackages: inputs.languagePackages,
      env: context.env,
      progress: context.progress,
      engine: inputs.engine as EngineChoice,
      tempDir: context.tempDir,
      now: context.now,
      ...(inputs.sbomDir ? { sbomDir: inWorkspace(inputs.sbomDir) } : {}),
    });
    if (secrets.length) result.secretsForMasking = secrets;
    const { images: _images, ...scan } = result;
    return scan;
  },
});
