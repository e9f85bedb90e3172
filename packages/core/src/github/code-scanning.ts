// Code scanning's SARIF upload: POST /repos/{owner}/{repo}/code-scanning/sarifs with the log gzipped and
// base64-encoded. GitHub refuses uploads over 10 MB gzipped, so that is checked before sending.
import { gzipSync } from "node:zlib";
import { repositoryPath, type RepositoryRef } from "./repository.js";
import type { RestClient } from "./rest-client.js";
import { skipWhenRefused, type SkippedWrite } from "./write-outcome.js";

export const MAX_SARIF_GZIP_BYTES = 10 * 1024 * 1024;

export interface SarifUpload {
  /** The SARIF log as JSON text. */
  sarif: string;
  commitSha: string;
  /** Full ref: `refs/heads/main`, `refs/pull/12/head` (or `/merge`). */
  ref: string;
  /** file:// URI of the checkout, so GitHub can relate absolute paths to the repository. */
  checkoutUri?: string;
  toolName?: string;
}

export type SarifUploadOutcome =
  { status: "uploaded"; id: string; url?: string; gzipBytes: number } | SkippedWrite;

/** gzip then base64, as the endpoint wants; throws when over GitHub's size limit. */
export function encodeSarif(
  sarif: string,
  limit = MAX_SARIF_GZIP_BYTES,
): { encoded: string; gzipBytes: number } {
  const gz = gzipSync(Buffer.from(sarif, "utf8"));
  if (gz.length > limit)
    throw new SarifTooLargeError(
      `the SARIF log is ${gz.length} bytes gzipped, over code scanning's ${limit}-byte limit`,
    );
  return { encoded: gz.toString("base64"), gzipBytes: gz.length };
}

export class SarifTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SarifTooLargeError";
  }
}

export async function uploadSarif(
  client: RestClient,
  repository: RepositoryRef,
  upload: SarifUpload,
): Promise<SarifUploadOutcome> {
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(upload.commitSha))
    throw new Error(`uploadSarif: commit_sha must be a 40-character SHA (got "${upload.commitSha}")`);
  if (!upload.ref.startsWith("refs/"))
    throw new Error(`uploadSarif: ref must be a full ref such as refs/heads/main (got "${upload.ref}")`);
  let encoded: ReturnType<typeof encodeSarif>;
  try {
    encoded = encodeSarif(upload.sarif);
  } catch (error) {
    if (error instanceof SarifTooLargeError) return { status: "skipped", reason: error.message };
    throw error;
  }
  return skipWhenRefused(
    "the token cannot upload to code scanning; it needs security-events: write, and code scanning must be enabled for the repository",
    async () => {
      const { data } = await client.request<{ id?: string; url?: string }>(
        "POST",
        `${repositoryPath(repository)}/code-scanning/sarifs`,
        {
          commit_sha: upload.commitSha,
          ref: upload.ref,
          sarif: encoded.encoded,
          ...(upload.checkoutUri ? { checkout_uri: upload.checkoutUri } : {}),
          ...(upload.toolName ? { tool_name: upload.toolName } : {}),
        },
      );
      return {
        status: "uploaded",
        id: data?.id ?? "",
        ...(data?.url ? { url: data.url } : {}),
        gzipBytes: encoded.gzipBytes,
      } as const;
    },
  );
}
