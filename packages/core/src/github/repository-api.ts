// The GitHub calls Bulwark makes: sticky comments, code-scanning uploads, tags and releases.
import { gzipSync } from "node:zlib";
import type { HostedRelease } from "../check.js";
import type { RestClient } from "./rest-client.js";
import { GitHubApiError } from "./rest-client.js";

/** GitHub refuses SARIF uploads over 10 MB gzipped. */
export const MAX_SARIF_GZIP_BYTES = 10 * 1024 * 1024;

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export type WriteOutcome =
  { status: "created" | "updated"; id: number; url?: string } | { status: "skipped"; reason: string };

interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
}

export class RepositoryApi {
  constructor(
    private readonly client: RestClient,
    private readonly repository: RepositoryRef,
  ) {}

  private get base(): string {
    return `/repos/${encodeURIComponent(this.repository.owner)}/${encodeURIComponent(this.repository.repo)}`;
  }

  /** Creates or updates the one comment carrying `marker`; a token that cannot write is a skip, not a failure. */
  async upsertComment(issueNumber: number, marker: string, body: string): Promise<WriteOutcome> {
    try {
      const comments = await this.client.paginate<IssueComment>(
        `${this.base}/issues/${issueNumber}/comments`,
      );
      const existing = comments.find((c) => c.body?.includes(marker));
      if (existing) {
        const { data } = await this.client.request<IssueComment>(
          "PATCH",
          `${this.base}/issues/comments/${existing.id}`,
          {
            body,
          },
        );
        return { status: "updated", id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
      }
      const { data } = await this.client.request<IssueComment>(
        "POST",
        `${this.base}/issues/${issueNumber}/comments`,
        {
          body,
        },
      );
      return { status: "created", id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
    } catch (error) {
      if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
        return {
          status: "skipped",
          reason: `the token cannot write pull request comments here (HTTP ${error.status}; fork pull requests and read-only tokens cannot)`,
        };
      }
      throw error;
    }
  }

  async uploadSarif(options: {
    sarif: string;
    commitSha: string;
    ref: string;
    checkoutUri?: string;
    toolName?: string;
  }): Promise<WriteOutcome> {
    const gz = gzipSync(Buffer.from(options.sarif, "utf8"));
    if (gz.length > MAX_SARIF_GZIP_BYTES) {
      return {
        status: "skipped",
        reason: `the SARIF is ${gz.length} bytes gzipped, over code scanning's ${MAX_SARIF_GZIP_BYTES}-byte limit`,
      };
    }
    try {
      const { data } = await this.client.request<{ id: string; url?: string }>(
        "POST",
        `${this.base}/code-scanning/sarifs`,
        {
          commit_sha: options.commitSha,
          ref: options.ref,
          sarif: gz.toString("base64"),
          ...(options.checkoutUri ? { checkout_uri: options.checkoutUri } : {}),
          ...(options.toolName ? { tool_name: options.toolName } : {}),
        },
      );
      return { status: "created", id: 0, ...(data.url ? { url: data.url } : {}) };
    } catch (error) {
      if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404)) {
        return {
          status: "skipped",
          reason: `the token cannot upload to code scanning (HTTP ${error.status}; it needs security-events: write, and code scanning must be available for the repository)`,
        };
      }
      throw error;
    }
  }

  async listReleases(): Promise<HostedRelease[]> {
    const releases = await this.client.paginate<{
      tag_name: string;
      name: string | null;
      draft: boolean;
      prerelease: boolean;
      published_at: string | null;
    }>(`${this.base}/releases`);
    return releases.map((r) => ({
      tagName: r.tag_name,
      ...(r.name ? { name: r.name } : {}),
      draft: r.draft,
      prerelease: r.prerelease,
      ...(r.published_at ? { publishedAt: r.published_at } : {}),
    }));
  }

  async listTags(): Promise<{ name: string; sha: string }[]> {
    const tags = await this.client.paginate<{ name: string; commit: { sha: string } }>(`${this.base}/tags`);
    return tags.map((t) => ({ name: t.name, sha: t.commit.sha }));
  }
}
