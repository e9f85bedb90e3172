// Registry credentials: given explicitly, or read from the Docker config file's "auths" section.
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { DOCKER_HUB } from "../reference.js";

export interface Credential {
  username: string;
  password: string;
}

/** Keys the Docker CLI uses for Docker Hub in config.json. */
const HUB_KEYS = ["https://index.docker.io/v1/", "index.docker.io", "docker.io", "registry-1.docker.io"];

interface DockerConfigAuth {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

/** Reads `auths` from a Docker config file; a missing file is no credentials, a broken one an error naming it. */
export async function readDockerConfigCredentials(
  file: string = join(process.env.DOCKER_CONFIG ?? join(homedir(), ".docker"), "config.json"),
): Promise<Map<string, Credential>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  let parsed: { auths?: Record<string, DockerConfigAuth> };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const result = new Map<string, Credential>();
  for (const [key, entry] of Object.entries(parsed.auths ?? {})) {
    let credential: Credential | undefined;
    if (entry.username && entry.password) {
      credential = { username: entry.username, password: entry.password };
    } else if (entry.auth) {
      const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon > 0) credential = { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (credential) result.set(normaliseHost(key), credential);
  }
  return result;
}

/** "https://index.docker.io/v1/" -> "docker.io", "https://ghcr.io" -> "ghcr.io". */
export function normaliseHost(key: string): string {
  if (HUB_KEYS.includes(key)) return DOCKER_HUB;
  const host = key.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  return HUB_KEYS.includes(host) ? DOCKER_HUB : host;
}
