// The GitHub calls Bulwark makes, bound to one client and repository.
import type { HostedRelease } from "../check.js";
import { uploadSarif, type SarifUpload, type SarifUploadOutcome } from "./code-scanning.js";
import {
  createIssueComment,
  listIssueComments,
  updateIssueComment,
  upsertStickyComment,
  type IssueComment,
} from "./issue-comments.js";
import { listReleases, listTags, type RepositoryTag } from "./releases.js";
import type { RepositoryRef } from "./repository.js";
import type { RestClient } from "./rest-client.js";
import type { WriteOutcome } from "./write-outcome.js";

export class RepositoryApi {
  constructor(
    readonly client: RestClient,
    readonly repository: RepositoryRef,
  ) {}

  listComments(issueNumber: number): Promise<IssueComment[]> {
    return listIssueComments(this.client, this.repository, issueNumber);
  }

  createComment(issueNumber: number, body: string): Promise<IssueComment> {
    return createIssueComment(this.client, this.repository, issueNumber, body);
  }

  updateComment(commentId: number, body: string): Promise<IssueComment> {
    return updateIssueComment(this.client, this.repository, commentId, body);
  }

  /** Creates or updates the one comment carrying `marker`; a token that cannot write is a skip, not a failure. */
  upsertComment(issueNumber: number, marker: string, body: string): Promise<WriteOutcome> {
    return upsertStickyComment(this.client, this.repository, issueNumber, marker, body);
  }

  uploadSarif(upload: SarifUpload): Promise<SarifUploadOutcome> {
    return uploadSarif(this.client, this.repository, upload);
  }

  listReleases(): Promise<HostedRelease[]> {
    return listReleases(this.client, this.repository);
  }

  listTags(): Promise<RepositoryTag[]> {
    return listTags(this.client, this.repository);
  }
}
