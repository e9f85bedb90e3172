import { describe, expect, it } from "vitest";
import { collectReleases, latestRelease, releaseLine } from "./releases.js";
import { parseTagPattern } from "./tag-version.js";

const tags = (...names: string[]) => names.map((name) => ({ name, date: "2026-01-01T00:00:00Z" }));

describe("collectReleases", () => {
  it("keeps release tags, newest first, and skips the rest", () => {
    const releases = collectReleases(
      tags("v1.0.0", "latest", "v2.0.0-rc.1", "v1.10.0"),
      parseTagPattern(undefined),
    );
    expect(releases.map((r) => [r.version.version, r.tag, r.source])).toEqual([
      ["2.0.0-rc.1", "v2.0.0-rc.1", "git-tag"],
      ["1.10.0", "v1.10.0", "git-tag"],
      ["1.0.0", "v1.0.0", "git-tag"],
    ]);
    expect(latestRelease(releases)?.version.version).toBe("1.10.0");
    expect(latestRelease(releases, true)?.version.version).toBe("2.0.0-rc.1");
  });

  it("adds hosted releases, skips drafts, and honours a prerelease flag on a final-looking tag", () => {
    const releases = collectReleases(tags("v1.0.0"), parseTagPattern(undefined), [
      { tagName: "v1.0.0", draft: false, prerelease: false, publishedAt: "2026-01-02T00:00:00Z" },
      { tagName: "v3.0.0", draft: true, prerelease: false },
      { tagName: "v2.0.0", draft: false, prerelease: true },
    ]);
    expect(releases.map((r) => [r.version.version, r.source, r.prerelease])).toEqual([
      ["2.0.0", "github-release", true],
      ["1.0.0", "git-tag", false],
    ]);
    expect(latestRelease(releases)?.tag).toBe("v1.0.0");
  });

  it("names release lines by major, and by minor below 1.0", () => {
    const lines = collectReleases(tags("v0.3.1", "v2.4.0"), parseTagPattern(undefined)).map((r) =>
      releaseLine(r.version),
    );
    expect(lines).toEqual(["2", "0.3"]);
  });
});
