// "owner/repo" as the REST paths need it.

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export function repositoryPath(repository: RepositoryRef): string {
  return `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.repo)}`;
}

/** Parses GITHUB_REPOSITORY's `owner/repo`; undefined for anything else. */
export function parseRepository(text: string | undefined): RepositoryRef | undefined {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(text?.trim() ?? "");
  return m ? { owner: m[1]!, repo: m[2]! } : undefined;
}
