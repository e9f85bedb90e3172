// The images a scan covers: the `images` input (each optionally `<image>=<Dockerfile>` to say which
// Dockerfile in the repository built it), plus the ones discovery found; one entry per distinct image,
// remembering every place that named it.
import type { Location } from "@bulwark/core";
import type { BuiltImage, FoundImage } from "./discovery/yaml-images.js";

export interface ImageRequest {
  /** The image as written: a reference, `docker-archive:<path>`, `oci:<path>[:<ref>]` or a path. */
  spec: string;
  /** The Dockerfile (relative to the workspace) that built it, when the input says so. */
  dockerfile?: string;
  /** Build target stage of that Dockerfile (`<image>=<Dockerfile>#<stage>`). */
  target?: string;
  /** Where it was named: the input, or files of the repository (first one is where findings point). */
  origins: { via: string; location?: Location }[];
  /** True when named only by a Dockerfile FROM: every package in it is the base image's. */
  isBaseImage: boolean;
}

export function parseImageInput(line: string): Pick<ImageRequest, "spec" | "dockerfile" | "target"> {
  const text = line.trim();
  // `=` never occurs in image references or the paths we accept for them.
  const eq = text.lastIndexOf("=");
  if (eq <= 0) return { spec: text };
  const spec = text.slice(0, eq).trim();
  const rest = text.slice(eq + 1).trim();
  const hash = rest.lastIndexOf("#");
  return hash > 0
    ? { spec, dockerfile: rest.slice(0, hash), target: rest.slice(hash + 1) }
    : { spec, ...(rest ? { dockerfile: rest } : {}) };
}

/**
 * `built`: images compose builds here. A request for one of them (given, or named by a manifest) learns
 * its Dockerfile and target from the compose file unless the input said otherwise.
 */
export function imageRequests(
  inputs: readonly string[],
  found: readonly FoundImage[],
  built: readonly BuiltImage[] = [],
): ImageRequest[] {
  const bySpec = new Map<string, ImageRequest>();
  for (const line of inputs) {
    if (!line.trim()) continue;
    const parsed = parseImageInput(line);
    const existing = bySpec.get(parsed.spec);
    if (existing) {
      if (parsed.dockerfile && !existing.dockerfile) Object.assign(existing, parsed);
      continue;
    }
    bySpec.set(parsed.spec, { ...parsed, origins: [{ via: "images input" }], isBaseImage: false });
  }
  for (const f of found) {
    const location: Location = { path: f.path, ...(f.line !== undefined ? { startLine: f.line } : {}) };
    const existing = bySpec.get(f.image);
    const fromDockerfile = f.via === "Dockerfile FROM";
    if (existing) {
      existing.origins.push({ via: f.via, location });
      if (!fromDockerfile) existing.isBaseImage = false;
      continue;
    }
    bySpec.set(f.image, { spec: f.image, origins: [{ via: f.via, location }], isBaseImage: fromDockerfile });
  }
  for (const b of built) {
    const request = bySpec.get(b.image);
    if (!request || request.dockerfile) continue;
    request.dockerfile = b.dockerfile;
    if (b.target) request.target = b.target;
    request.isBaseImage = false;
    request.origins.push({
      via: `compose service ${b.service} (build)`,
      location: { path: b.path, ...(b.line !== undefined ? { startLine: b.line } : {}) },
    });
  }
  return [...bySpec.values()];
}
