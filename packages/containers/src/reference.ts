// Image references per the distribution reference grammar: [registry[:port]/]path[:tag][@digest], with
// Docker Hub defaults (docker.io, library/ for single-component names, tag "latest").

export const DOCKER_HUB = "docker.io";

export interface ImageReference {
  /** Registry host (with port), e.g. "docker.io", "ghcr.io", "localhost:5000". */
  registry: string;
  /** Repository path, e.g. "library/debian". */
  repository: string;
  tag?: string;
  digest?: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

export class ReferenceError extends Error {
  constructor(reference: string, reason: string) {
    super(`invalid image reference "${reference}": ${reason}`);
    this.name = "ReferenceError";
  }
}

/** Parses "debian:12", "ghcr.io/o/r@sha256:...", "localhost:5000/x/y:tag" into its parts. */
export function parseImageReference(text: string): ImageReference {
  const input = text.trim();
  if (!input) throw new ReferenceError(text, "empty");
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new ReferenceError(text, `bad digest "${digest}"`);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new ReferenceError(text, `bad tag "${tag}"`);
  }
  const parts = rest.split("/");
  let registry = DOCKER_HUB;
  const first = parts[0] ?? "";
  // The first component is a registry when it looks like a host: has a dot or port, or is "localhost".
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    parts.shift();
  }
  if (registry === "index.docker.io" || registry === "registry-1.docker.io") registry = DOCKER_HUB;
  if (parts.length === 0 || parts.some((p) => !PATH_COMPONENT.test(p))) {
    throw new ReferenceError(text, "repository must be lowercase components separated by /");
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift("library");
  const reference: ImageReference = { registry, repository: parts.join("/") };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  if (tag === undefined && digest === undefined) reference.tag = "latest";
  return reference;
}

/** The canonical text form: "docker.io/library/debian:12", "host/repo@sha256:...". */
export function formatImageReference(ref: ImageReference): string {
  let text = `${ref.registry}/${ref.repository}`;
  if (ref.tag !== undefined) text += `:${ref.tag}`;
  if (ref.digest !== undefined) text += `@${ref.digest}`;
  return text;
}
