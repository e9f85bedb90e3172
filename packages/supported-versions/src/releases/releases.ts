// The project's releases from every source, as versions, newest first.
import semver from "semver";
import type { HostedRelease } from "@bulwark/core";
import type { GitTag } from "./git-tags.js";
import { versionFromTag, type TagPattern } from "./tag-version.js";

export interface Release {
  version: semver.SemVer;
  tag: string;
  source: "git-tag" | "github-release";
  /** A prerelease version, or a hosted release marked prerelease even though its tag looks final. */
  prerelease: boolean;
  date?: string;
}

/** Tags and hosted releases that name a version under the pattern; drafts are skipped. */
export function collectReleases(
  tags: readonly GitTag[],
  pattern: TagPattern,
  hostedReleases?: readonly HostedRelease[],
): Release[] {
  const byVersion = new Map<string, Release>();
  for (const tag of tags) {
    const version = versionFromTag(tag.name, pattern);
    if (version)
      byVersion.set(version.version, {
        version,
        tag: tag.name,
        source: "git-tag",
        prerelease: version.prerelease.length > 0,
        ...(tag.date ? { date: tag.date } : {}),
      });
  }
  for (const release of hostedReleases ?? []) {
    if (release.draft) continue;
    const version = versionFromTag(release.tagName, pattern);
    if (!version) continue;
    if (!byVersion.has(version.version) || release.prerelease) {
      byVersion.set(version.version, {
        version,
        tag: release.tagName,
        source: "github-release",
        prerelease: release.prerelease || version.prerelease.length > 0,
        ...(release.publishedAt ? { date: release.publishedAt } : {}),
      });
    }
  }
  return [...byVersion.values()].sort((a, b) => semver.rcompare(a.version, b.version));
}

/** The highest release; prereleases count only when asked to. Expects newest-first order. */
export function latestRelease(releases: readonly Release[], includePrereleases = false): Release | undefined {
  return includePrereleases ? releases[0] : releases.find((r) => !r.prerelease);
}

/** A release line: the major version, or major.minor below 1.0 where minors break compatibility. */
export function releaseLine(version: semver.SemVer): string {
  return version.major === 0 ? `0.${version.minor}` : `${version.major}`;
}
