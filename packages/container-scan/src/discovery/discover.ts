// Walks the repository for the images it names: Dockerfile FROMs, compose services, Kubernetes
// workloads. Unreadable or invalid files are warnings naming the file; the rest goes on.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { ScanProblem } from "@bulwark/core";
import { baseImages, parseDockerfile, type ParsedDockerfile } from "./dockerfile.js";
import {
  composeImages,
  kubernetesImages,
  looksLikeKubernetes,
  type BuiltImage,
  type FoundImage,
} from "./yaml-images.js";

export interface DiscoverOptions {
  /** Directory to walk. */
  root: string;
  /** Paths in results are relative to this (the workspace). Default: root. */
  workspace?: string;
  dockerfiles: boolean;
  compose: boolean;
  kubernetes: boolean;
  /** Compose variable values (`${TAG}`); unset variables without a default leave the image out. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Dockerfile ARG values, as --build-arg. */
  buildArgs?: Readonly<Record<string, string>>;
}

export interface Discovery {
  images: FoundImage[];
  /** Images compose builds here, with their Dockerfiles: not pulled unless something else names them. */
  built: BuiltImage[];
  dockerfiles: ParsedDockerfile[];
  problems: ScanProblem[];
  filesRead: number;
}

const SKIP_DIRS = new Set([".git", "node_modules", ".venv", "vendor", "__pycache__", ".terraform"]);
const MAX_FILES = 50_000;
const MAX_BYTES = 4 << 20;

// `Dockerfile.<variant>` is a Dockerfile; `Dockerfile.md` or a `Dockerfile.ts` generator is not.
const NOT_DOCKERFILE = /\.(md|txt|rst|ts|js|mjs|cjs|py|go|rs|json|ya?ml|toml|sh|dockerignore|bak|orig|swp)$/i;

export function isDockerfile(name: string): boolean {
  if (NOT_DOCKERFILE.test(name)) return false;
  return /^(Dockerfile|Containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

export function isComposeFile(name: string): boolean {
  return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(name);
}

async function* walk(dir: string, budget: { files: number }): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (budget.files-- <= 0) return;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* walk(path, budget);
    } else if (entry.isFile()) {
      yield path;
    }
  }
}

export async function discoverImages(options: DiscoverOptions): Promise<Discovery> {
  const workspace = options.workspace ?? options.root;
  const result: Discovery = { images: [], built: [], dockerfiles: [], problems: [], filesRead: 0 };
  const budget = { files: MAX_FILES };
  const templated: string[] = [];
  for await (const file of walk(options.root, budget)) {
    const name = file.slice(file.lastIndexOf(sep) + 1);
    const docker = options.dockerfiles && isDockerfile(name);
    const compose = options.compose && isComposeFile(name);
    const yaml =
      options.kubernetes && !compose && /\.ya?ml$/i.test(name) && !file.includes(`${sep}.github${sep}`);
    if (!docker && !compose && !yaml) continue;
    const path = relative(workspace, file).split(sep).join("/");
    let text: string;
    try {
      if ((await stat(file)).size > MAX_BYTES) {
        result.problems.push({
          level: "warning",
          path,
          message: `${path}: larger than 4 MiB; not read for images`,
        });
        continue;
      }
      text = await readFile(file, "utf8");
    } catch (error) {
      result.problems.push({
        level: "warning",
        path,
        message: `${path}: cannot be read (${(error as Error).message})`,
      });
      continue;
    }
    if (docker) {
      result.filesRead++;
      const parsed = parseDockerfile(path, text, options.buildArgs);
      result.dockerfiles.push(parsed);
      result.problems.push(...parsed.problems);
      for (const b of baseImages(parsed))
        result.images.push({ image: b.image, path, line: b.line, via: "Dockerfile FROM" });
    } else if (compose) {
      result.filesRead++;
      const found = composeImages(path, text, options.env);
      result.images.push(...found.images);
      result.built.push(...found.built);
      result.problems.push(...found.problems);
    } else if (looksLikeKubernetes(text)) {
      // Helm charts and other Go templates are not manifests until rendered: their images would be
      // `{{ .Values.image }}` and their YAML is often invalid. Counted and said once, not guessed at.
      if (/\{\{[^}]*\}\}/.test(text)) {
        templated.push(path);
        continue;
      }
      result.filesRead++;
      const found = kubernetesImages(path, text);
      result.images.push(...found.images);
      result.problems.push(...found.problems);
    }
  }
  if (templated.length > 0) {
    result.problems.push({
      level: "notice",
      message: `${templated.length} templated manifest${templated.length === 1 ? "" : "s"} (Helm or other Go templates, e.g. ${templated[0]}) not read for images: render them (helm template) into a file under path, or list the images in the images input.`,
    });
  }
  if (budget.files <= 0) {
    result.problems.push({
      level: "warning",
      message: `Image discovery stopped after ${MAX_FILES} files; list images explicitly or narrow path`,
    });
  }
  return result;
}
