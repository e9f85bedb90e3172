// A repository's tags and releases, every page of them.
import type { HostedRelease } from "../check.js";
import { repositoryPath, type RepositoryRef } from "./repository.js";
import type { RestClient } from "./rest-client.js";

export interface RepositoryTag {
  name: string;
  sha: string;
}

export async function listReleases(client: RestClient, repository: RepositoryRef): Promise<HostedRelease[]> {
  const releases = await client.paginate<{
    tag_name: string;
    name: string | null;
    draft: boolean;
    prerelease: boolean;
    published_at: string | null;
  }>(`${repositoryPath(repository)}/releases`);
  return releases.map((r) => ({
    tagName: r.tag_name,
    ...(r.name ? { name: r.name } : {}),
    draft: r.draft === true,
    prerelease: r.prerelease === true,
    ...(r.published_at ? { publishedAt: r.published_at } : {}),
  }));
}

export async function listTags(client: RestClient, repository: RepositoryRef): Promise<RepositoryTag[]> {
  const tags = await client.paginate<{ name: string; commit: { sha: string } }>(
    `${repositoryPath(repository)}/tags`,
  );
  return tags.map((t) => ({ name: t.name, sha: t.commit.sha }));
}
