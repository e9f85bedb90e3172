// A client for the OCI distribution API (and Docker Hub's flavour of it): manifests by tag or digest,
// platform selection from indexes, anonymous bearer tokens or basic credentials, verified blob streams,
// retries with backoff, bounded concurrency; plus the upload half (blobs, manifests) used to push images.
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { DOCKER_HUB, formatImageReference, type ImageReference } from "../reference.js";
import { readDockerConfigCredentials, type Credential } from "./credentials.js";
import { sha256Digest, verifyingStream, DigestMismatchError } from "./digest-stream.js";
import { Limiter } from "./limiter.js";
import {
  formatPlatform,
  isIndexType,
  MANIFEST_ACCEPT,
  selectPlatform,
  type Descriptor,
  type ImageConfig,
  type ImageIndex,
  type ImageManifest,
  type Platform,
} from "./media-types.js";
import { parseWwwAuthenticate } from "./www-authenticate.js";

export interface RegistryClientOptions {
  /** Credentials by registry host ("docker.io", "ghcr.io", "localhost:5000"); they win over the Docker config. */
  credentials?: Record<string, Credential>;
  /** Docker config file to read `auths` from; false to not read one. Default ~/.docker/config.json. */
  dockerConfig?: string | false;
  /** Hosts spoken to over plain HTTP. localhost, 127.0.0.1 and [::1] always are. */
  insecureHosts?: string[];
  /** Attempts after the first for network errors, 429 and 5xx. Default 3. */
  retries?: number;
  /** First backoff delay in ms (doubles each retry). Default 250. */
  backoffMs?: number;
  /** How long an attempt waits for a response's headers before it counts as a network error. Default 60 s. */
  timeoutMs?: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Largest manifest or config accepted, in bytes. Default 4 MiB. */
  maxManifestBytes?: number;
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "RegistryError";
  }
}

export interface FetchedManifest {
  digest: string;
  mediaType: string;
  bytes: Buffer;
}

export interface ResolvedImage {
  reference: ImageReference;
  /** Digest of the platform's image manifest. */
  manifestDigest: string;
  /** Digest of the index the tag pointed to, when it was one. */
  indexDigest?: string;
  platform?: Platform;
  manifest: ImageManifest;
  config: ImageConfig;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

type Action = "pull" | "push,pull";

export class RegistryClient {
  private readonly limiter: Limiter;
  private readonly tokens = new Map<string, string>();
  private configCredentials: Promise<Map<string, Credential>> | undefined;

  constructor(private readonly options: RegistryClientOptions = {}) {
    this.limiter = new Limiter(options.concurrency ?? 4);
  }

  /** Fetches a manifest or index by tag or digest, verifying the bytes when asked by digest. */
  async getManifest(ref: ImageReference, tagOrDigest: string): Promise<FetchedManifest> {
    const what = `manifest ${formatImageReference(ref)}@${tagOrDigest}`;
    return this.fetchWhole(
      ref,
      `manifests/${tagOrDigest}`,
      { accept: MANIFEST_ACCEPT },
      what,
      (response, bytes) => {
        const digest = sha256Digest(bytes);
        if (tagOrDigest.includes(":") && tagOrDigest !== digest) {
          throw new DigestMismatchError(tagOrDigest, digest);
        }
        const header = response.headers.get("docker-content-digest");
        const mediaType =
          (parseJson(bytes, response) as { mediaType?: string }).mediaType ??
          response.headers.get("content-type")?.split(";")[0] ??
          "";
        return { digest: header && header === digest ? header : digest, mediaType, bytes };
      },
    );
  }

  /** Resolves a reference to one platform's manifest and config (default linux/amd64). */
  async resolveImage(
    ref: ImageReference,
    platform: Platform = { os: "linux", architecture: "amd64" },
  ): Promise<ResolvedImage> {
    const first = await this.getManifest(ref, ref.digest ?? ref.tag ?? "latest");
    let manifestFetched = first;
    let indexDigest: string | undefined;
    let selected: Platform | undefined;
    const parsed = JSON.parse(first.bytes.toString("utf8")) as ImageIndex | ImageManifest;
    if (isIndexType(first.mediaType) || ("manifests" in parsed && Array.isArray(parsed.manifests))) {
      const index = parsed as ImageIndex;
      const descriptor = selectPlatform(index, platform);
      if (!descriptor) {
        const available = index.manifests
          .map((m) => (m.platform ? formatPlatform(m.platform) : "?"))
          .filter((p) => p !== "unknown/unknown")
          .join(", ");
        throw new RegistryError(
          `${formatImageReference(ref)} has no image for ${formatPlatform(platform)} (available: ${available})`,
        );
      }
      indexDigest = first.digest;
      selected = descriptor.platform;
      manifestFetched = await this.getManifest(ref, descriptor.digest);
    }
    const manifest = JSON.parse(manifestFetched.bytes.toString("utf8")) as ImageManifest;
    if (!manifest.config || !Array.isArray(manifest.layers)) {
      throw new RegistryError(
        `${formatImageReference(ref)}: unsupported manifest (${manifestFetched.mediaType || "no media type"}); schema 1 manifests are not supported`,
      );
    }
    const config = JSON.parse(
      (await this.readBlob(ref, manifest.config.digest, this.options.maxManifestBytes ?? 4 << 20)).toString(
        "utf8",
      ),
    ) as ImageConfig;
    const resolved: ResolvedImage = {
      reference: ref,
      manifestDigest: manifestFetched.digest,
      manifest,
      config,
    };
    if (indexDigest) resolved.indexDigest = indexDigest;
    const fromConfig =
      config.os && config.architecture
        ? {
            os: config.os,
            architecture: config.architecture,
            ...(config.variant ? { variant: config.variant } : {}),
          }
        : undefined;
    const platformFound = selected ?? fromConfig;
    if (platformFound) resolved.platform = platformFound;
    return resolved;
  }

  /** Streams a blob; the stream errors with DigestMismatchError if the bytes do not match. */
  async openBlob(ref: ImageReference, digest: string): Promise<Readable> {
    const response = await this.request(ref, "GET", `blobs/${digest}`);
    if (!response.body) throw new RegistryError(`blob ${digest}: empty response`);
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    const verifier = verifyingStream(digest);
    body.on("error", (error) => verifier.destroy(error));
    return body.pipe(verifier);
  }

  async readBlob(ref: ImageReference, digest: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
    return this.fetchWhole(
      ref,
      `blobs/${digest}`,
      {},
      `blob ${digest}`,
      (_response, bytes) => {
        const actual = sha256Digest(bytes);
        if (actual !== digest) throw new DigestMismatchError(digest, actual);
        return bytes;
      },
      maxBytes,
    );
  }

  /**
   * GETs a small document whole (manifest, config) and checks it; a body cut off, garbled or not what was
   * asked for is retried like a 5xx, since a proxy or an overloaded registry can answer 200 with it.
   */
  private async fetchWhole<T>(
    ref: ImageReference,
    path: string,
    headers: Record<string, string>,
    what: string,
    check: (response: Response, bytes: Buffer) => T,
    maxBytes = this.options.maxManifestBytes ?? 4 << 20,
  ): Promise<T> {
    const retries = this.options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const response = await this.request(ref, "GET", path, { headers });
      try {
        return check(response, await readLimited(response, maxBytes, what));
      } catch (error) {
        // Over the size limit is the document itself, not the network: no retry.
        if (error instanceof RegistryError) throw error;
        if (attempt < retries) {
          await this.backoff(attempt);
          continue;
        }
        // Bytes that still do not match their digest are the registry's content: keep the error's type.
        if (error instanceof DigestMismatchError) throw error;
        throw new RegistryError(`${what}: ${describeError(error)} (after ${attempt + 1} attempts)`);
      }
    }
  }

  /** Uploads a blob (monolithic: POST for an upload URL, then PUT with the digest); skips existing ones. */
  async pushBlob(
    ref: ImageReference,
    data: Buffer,
    mediaType = "application/octet-stream",
  ): Promise<Descriptor> {
    const digest = sha256Digest(data);
    const head = await this.request(ref, "HEAD", `blobs/${digest}`, { allow404: true }, "push,pull");
    if (head.status !== 200) {
      const start = await this.request(ref, "POST", "blobs/uploads/", {}, "push,pull");
      const location = start.headers.get("location");
      if (!location) throw new RegistryError(`blob upload to ${ref.repository}: no Location header`);
      const url = new URL(location, this.baseUrl(ref));
      url.searchParams.set("digest", digest);
      await this.request(
        ref,
        "PUT",
        url.toString(),
        { body: data, headers: { "content-type": "application/octet-stream" } },
        "push,pull",
      );
    }
    return { mediaType, digest, size: data.length };
  }

  /** Puts a manifest or index under a tag (or its digest); returns its digest. */
  async pushManifest(
    ref: ImageReference,
    tagOrDigest: string,
    mediaType: string,
    body: Buffer,
  ): Promise<string> {
    await this.request(
      ref,
      "PUT",
      `manifests/${tagOrDigest}`,
      { body, headers: { "content-type": mediaType } },
      "push,pull",
    );
    return sha256Digest(body);
  }

  private baseUrl(ref: ImageReference): string {
    const host = ref.registry === DOCKER_HUB ? "registry-1.docker.io" : ref.registry;
    const insecure = LOCAL_HOSTS.test(host) || (this.options.insecureHosts ?? []).includes(host);
    return `${insecure ? "http" : "https"}://${host}`;
  }

  private async credentialFor(host: string): Promise<Credential | undefined> {
    const explicit = this.options.credentials?.[host];
    if (explicit) return explicit;
    if (this.options.dockerConfig === false) return undefined;
    this.configCredentials ??= readDockerConfigCredentials(this.options.dockerConfig);
    return (await this.configCredentials).get(host);
  }

  private async request(
    ref: ImageReference,
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: Buffer; allow404?: boolean } = {},
    action: Action = "pull",
  ): Promise<Response> {
    const url = /^https?:/.test(path) ? path : `${this.baseUrl(ref)}/v2/${ref.repository}/${path}`;
    const scope = `repository:${ref.repository}:${action}`;
    const tokenKey = `${ref.registry} ${scope}`;
    let authorization = this.tokens.get(tokenKey);
    let authenticated = false;
    let attempt = 0;
    for (;;) {
      const headers: Record<string, string> = { ...init.headers };
      if (authorization) headers.authorization = authorization;
      let response: Response;
      try {
        response = await this.limiter.run(() =>
          this.fetchWithTimeout(url, {
            method,
            headers,
            ...(init.body ? { body: init.body } : {}),
            redirect: "follow",
          }),
        );
      } catch (error) {
        if (attempt < (this.options.retries ?? 3)) {
          await this.backoff(attempt++);
          continue;
        }
        throw new RegistryError(
          `${method} ${url} failed after ${attempt + 1} attempts: ${describeError(error)}`,
        );
      }
      // One authentication round per request (a cached token may have expired); retries are counted apart.
      if (response.status === 401 && !authenticated) {
        authenticated = true;
        const challenge = parseWwwAuthenticate(response.headers.get("www-authenticate") ?? "");
        await response.body?.cancel();
        if (challenge?.scheme === "bearer") {
          authorization = `Bearer ${await this.fetchToken(ref, challenge.params, scope)}`;
          this.tokens.set(tokenKey, authorization);
          continue;
        }
        if (challenge?.scheme === "basic") {
          const credential = await this.credentialFor(ref.registry);
          if (!credential)
            throw new RegistryError(`${ref.registry} needs credentials and none were given`, 401);
          authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString("base64")}`;
          this.tokens.set(tokenKey, authorization);
          continue;
        }
      }
      if (RETRY_STATUS.has(response.status) && attempt < (this.options.retries ?? 3)) {
        await response.body?.cancel();
        await this.backoff(attempt++, response.headers.get("retry-after"));
        continue;
      }
      if (response.ok || (init.allow404 && response.status === 404)) return response;
      const text = (await response.text().catch(() => "")).slice(0, 300);
      throw new RegistryError(
        `${method} ${url}: HTTP ${response.status}${text ? `: ${text.trim()}` : ""}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ""}`,
        response.status,
      );
    }
  }

  /** fetch, given up when no headers arrive in time; the body, once it flows, is not timed. */
  private async fetchWithTimeout(url: string, init: RequestInit): Promise<Response> {
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      return await fetch(url, { ...init, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw new Error(`no response within ${timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async fetchToken(
    ref: ImageReference,
    params: Record<string, string>,
    scope: string,
  ): Promise<string> {
    const realm = params.realm;
    if (!realm) throw new RegistryError(`${ref.registry}: bearer challenge without realm`, 401);
    const url = new URL(realm);
    if (params.service) url.searchParams.set("service", params.service);
    url.searchParams.set("scope", scope);
    const headers: Record<string, string> = {};
    const credential = await this.credentialFor(ref.registry);
    if (credential) {
      headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString("base64")}`;
    }
    const response = await this.limiter.run(() => fetch(url, { headers }));
    if (!response.ok) {
      throw new RegistryError(
        `token request to ${url.origin}${url.pathname}: HTTP ${response.status}`,
        response.status,
      );
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(`token response from ${url.origin}${url.pathname} has no token`);
    return token;
  }

  private async backoff(attempt: number, retryAfter?: string | null): Promise<void> {
    const seconds = retryAfter ? Number(retryAfter) : NaN;
    const delay = Number.isFinite(seconds)
      ? Math.min(seconds * 1000, 30_000)
      : (this.options.backoffMs ?? 250) * 2 ** attempt;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** A network error's message with its cause (undici says only "fetch failed"). */
function describeError(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause && !e.message.includes(cause) ? `${e.message} (${cause})` : e.message;
}

function parseJson(bytes: Buffer, response: Response): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    const type = response.headers.get("content-type") ?? "no content type";
    throw new Error(`not JSON (${type}, ${bytes.length} bytes)`);
  }
}

async function readLimited(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > maxBytes)
    throw new RegistryError(`${what} is ${declared} bytes, over the ${maxBytes} limit`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxBytes) throw new RegistryError(`${what} is over the ${maxBytes} byte limit`);
  return bytes;
}
