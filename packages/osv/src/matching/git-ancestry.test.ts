import { execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { OsvRecord } from "../records/osv-record.js";
import { gitAncestryFromClones } from "./git-ancestry.js";
import { isAffected } from "./is-affected.js";

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).trim();
}

describe("GIT ranges against a real repository", () => {
  it("decides commits between, before and after the range's events", async () => {
    const dir = await mkdtemp(join(tmpdir(), "osv-git-"));
    git(dir, "init", "-q");
    const commits: string[] = [];
    for (let i = 0; i < 5; i++) {
      git(dir, "commit", "-q", "--allow-empty", "-m", `c${i}`);
      commits.push(git(dir, "rev-parse", "HEAD"));
    }
    // A side branch from c0 that never got the bug.
    git(dir, "checkout", "-q", "-b", "side", commits[0]!);
    git(dir, "commit", "-q", "--allow-empty", "-m", "side");
    const side = git(dir, "rev-parse", "HEAD");

    const repo = "https://github.com/example/project";
    const record: OsvRecord = {
      id: "TEST-GIT-1",
      modified: "2024-01-01T00:00:00Z",
      affected: [
        { ranges: [{ type: "GIT", repo, events: [{ introduced: commits[1]! }, { fixed: commits[3]! }] }] },
      ],
    };
    const gitAncestry = gitAncestryFromClones({ [`${repo}.git`]: dir });
    const q = (commit: string) =>
      isAffected(record, { ecosystem: "GIT", name: repo, commit }, { gitAncestry });
    expect(q(commits[0]!).status).toBe("not-affected");
    expect(q(commits[1]!)).toEqual({ status: "affected", fixed: commits[3] });
    expect(q(commits[2]!)).toEqual({ status: "affected", fixed: commits[3] });
    expect(q(commits[3]!).status).toBe("not-affected");
    expect(q(commits[4]!).status).toBe("not-affected");
    expect(q(side).status).toBe("not-affected");
    // A commit the clone does not have: unknown, so unresolved.
    expect(q("0123456789abcdef0123456789abcdef01234567").status).toBe("unresolved");
    // A repository without a clone: unresolved too.
    const other = isAffected(
      {
        ...record,
        affected: [
          {
            ranges: [
              {
                type: "GIT",
                repo: "https://github.com/x/y",
                events: [{ introduced: "0" }, { fixed: commits[3]! }],
              },
            ],
          },
        ],
      },
      { ecosystem: "GIT", name: "https://github.com/x/y", commit: commits[2]! },
      { gitAncestry },
    );
    expect(other.status).toBe("unresolved");
  });
});
