// Issue and pull request comments, and the one "sticky" comment an action keeps up to date.
import { repositoryPath, type RepositoryRef } from "./repository.js";
import type { RestClient } from "./rest-client.js";
import { skipWhenRefused, type WriteOutcome } from "./write-outcome.js";

export interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
}

export function listIssueComments(
  client: RestClient,
  repository: RepositoryRef,
  issueNumber: number,
): Promise<IssueComment[]> {
  return client.paginate<IssueComment>(`${repositoryPath(repository)}/issues/${issueNumber}/comments`);
}

export async function createIssueComment(
  client: RestClient,
  repository: RepositoryRef,
  issueNumber: number,
  body: string,
): Promise<IssueComment> {
  const path = `${repositoryPath(repository)}/issues/${issueNumber}/comments`;
  return (await client.request<IssueComment>("POST", path, { body })).data;
}

export async function updateIssueComment(
  client: RestClient,
  repository: RepositoryRef,
  commentId: number,
  body: string,
): Promise<IssueComment> {
  const path = `${repositoryPath(repository)}/issues/comments/${commentId}`;
  return (await client.request<IssueComment>("PATCH", path, { body })).data;
}

/**
 * Updates the comment containing `marker` (a hidden `<!-- ... -->` string) in place, else creates one.
 * The body must contain the marker, or the next run could not find it and would post a duplicate.
 */
export async function upsertStickyComment(
  client: RestClient,
  repository: RepositoryRef,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<WriteOutcome> {
  if (!marker) throw new Error("upsertStickyComment: the marker must not be empty");
  if (!body.includes(marker)) throw new Error(`upsertStickyComment: the body does not contain ${marker}`);
  return skipWhenRefused(
    "the token cannot write pull request comments here; fork pull requests and read-only tokens cannot",
    async () => {
      const existing = (await listIssueComments(client, repository, issueNumber)).find((c) =>
        c.body?.includes(marker),
      );
      const comment = existing
        ? await updateIssueComment(client, repository, existing.id, body)
        : await createIssueComment(client, repository, issueNumber, body);
      return {
        status: existing ? "updated" : "created",
        id: comment.id,
        ...(comment.html_url ? { url: comment.html_url } : {}),
      } as const;
    },
  );
}
