// What a GitHub write did. Writes the token is not allowed to make are skips with a reason, not failures:
// fork pull requests get read-only tokens, and code scanning may be off for the repository.
import { GitHubApiError } from "./rest-client.js";

export type WriteOutcome =
  { status: "created" | "updated"; id: number; url?: string } | { status: "skipped"; reason: string };

export interface SkippedWrite {
  status: "skipped";
  reason: string;
}

/** Runs a write; HTTP 403/404 become a skip whose reason says why, anything else is thrown. */
export async function skipWhenRefused<T>(what: string, write: () => Promise<T>): Promise<T | SkippedWrite> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
      return { status: "skipped", reason: `${what} (HTTP ${error.status})` };
    }
    throw error;
  }
}
