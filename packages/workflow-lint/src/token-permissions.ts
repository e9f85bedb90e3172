// A `permissions:` value as the scopes it grants. GitHub reads a map (unlisted scopes are none), or
// read-all / write-all, or `{}` (nothing).
import { isMap, isScalar } from "yaml";
import { entries, scalarString } from "./yaml-file.js";

export type AccessLevel = "none" | "read" | "write";

export const LEVEL_ORDER: Record<AccessLevel, number> = { none: 0, read: 1, write: 2 };

/** The scopes a GITHUB_TOKEN can have, for read-all and write-all. */
export const TOKEN_SCOPES = [
  "actions",
  "attestations",
  "checks",
  "contents",
  "deployments",
  "discussions",
  "id-token",
  "issues",
  "models",
  "packages",
  "pages",
  "pull-requests",
  "repository-projects",
  "security-events",
  "statuses",
] as const;

/** Scope -> level for what the node grants; undefined when the node is absent or not a permissions value. */
export function grantedScopes(node: unknown): Map<string, AccessLevel> | undefined {
  if (isMap(node)) {
    const granted = new Map<string, AccessLevel>();
    for (const [scope, value] of entries(node)) {
      const level = scalarString(value);
      if (level === "read" || level === "write" || level === "none") granted.set(scope, level);
    }
    return granted;
  }
  if (isScalar(node)) {
    const value = scalarString(node);
    if (value === "read-all" || value === "write-all") {
      const level: AccessLevel = value === "read-all" ? "read" : "write";
      return new Map(TOKEN_SCOPES.map((scope) => [scope, level]));
    }
  }
  return undefined;
}

export function levelOf(granted: ReadonlyMap<string, AccessLevel>, scope: string): AccessLevel {
  return granted.get(scope) ?? "none";
}
