// Which tags are releases, and of which version: v1.2.3, 1.2.3, and monorepo forms name@1.2.3,
// name/v1.2.3, name-v1.2.3, or a pattern the user gives.
import semver from "semver";

export interface TagPattern {
  /** Matches a tag; the `version` group (or the whole match) is the version. */
  regex: RegExp;
}

// Date tags (backup-2024-01-15) are snapshots, not releases: 2024-01-15 must not read as 2024.0.0-01-15.
const DEFAULT =
  /^(?:(?<name>.+?)(?:@|\/|-|_))?v?(?!\d{4}-\d{2}-\d{2}$)(?<version>\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/**
 * A user pattern is either a regex with a named group `version` ("^api-v(?<version>.+)$"), or a glob
 * where `*` stands for the version ("mypkg@*", "mypkg/v*").
 */
export function parseTagPattern(pattern: string | undefined): TagPattern {
  if (!pattern) return { regex: DEFAULT };
  if (pattern.includes("(?<version>")) {
    try {
      return { regex: new RegExp(pattern) };
    } catch (error) {
      throw new Error(`tag-pattern is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  if (!pattern.includes("*"))
    throw new Error(`tag-pattern "${pattern}" needs a * where the version goes, or a (?<version>...) group`);
  const escaped = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("v?(?<version>\\d[0-9A-Za-z.+-]*)");
  return { regex: new RegExp(`^${escaped}$`) };
}

/** The release version a tag names, or undefined when the tag is not a release. */
export function versionFromTag(tag: string, pattern: TagPattern): semver.SemVer | undefined {
  const match = pattern.regex.exec(tag);
  if (!match) return undefined;
  const raw = match.groups?.version ?? match[0];
  const direct = semver.parse(raw.replace(/^v/, ""), { loose: true });
  if (direct) return direct;
  // "1.2" and "1" are releases too: fill in the missing parts.
  if (/^\d+(\.\d+)?$/.test(raw)) return semver.coerce(raw) ?? undefined;
  return undefined;
}
