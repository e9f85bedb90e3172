// Which tags a release makes. Each action gets `<action>/vX.Y.Z` (made once, never moved) and the moving
// `<action>/vX` (the highest released X.*.* of that action). The repository-wide `vX`, which the reusable
// workflow's own `uses:` lines and the workflow template rely on, moves to this commit only when every
// action here is exactly a released version of major X: its release tag exists and nothing under
// actions/<name> changed since, so `@vX` never serves code that no release contains.
import { parseVersion, type ActionVersion } from "./action-versions.js";

export interface TagChange {
  tag: string;
  commit: string;
  /** The commit the tag pointed at before (moves only). */
  from?: string;
}

export interface TagPlan {
  create: TagChange[];
  move: TagChange[];
  /** Why something was not tagged, for the log. */
  notes: string[];
}

export interface PlanInput {
  head: string;
  actions: ActionVersion[];
  /** Existing tags: name -> commit (annotated tags peeled). */
  tags: ReadonlyMap<string, string>;
  /** Whether actions/<name> differs between `commit` and head. */
  changedSince(commit: string, path: string): boolean;
}

function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

export function planTags({ head, actions, tags, changedSince }: PlanInput): TagPlan {
  const plan: TagPlan = { create: [], move: [], notes: [] };
  const all = new Map(tags);
  const set = (tag: string, commit: string) => {
    const current = all.get(tag);
    if (current === commit) return;
    if (current === undefined) plan.create.push({ tag, commit });
    else plan.move.push({ tag, commit, from: current });
    all.set(tag, commit);
  };

  for (const { name, version } of actions) {
    const full = `${name}/v${version}`;
    if (!all.has(full)) set(full, head);
    const { major, prerelease } = parseVersion(version);
    if (prerelease) {
      plan.notes.push(`${full} is a prerelease: ${name}/v${major} stays where it is`);
      continue;
    }
    // The moving tag follows the highest stable release of this major, wherever it was tagged.
    const prefix = `${name}/v`;
    const releases = [...all.keys()]
      .filter((tag) => tag.startsWith(prefix) && /^\d+\.\d+\.\d+$/.test(tag.slice(prefix.length)))
      .map((tag) => tag.slice(prefix.length))
      .filter((v) => parseVersion(v).major === major)
      .sort(compareVersions);
    const highest = releases.at(-1)!;
    set(`${name}/v${major}`, all.get(`${prefix}${highest}`)!);
  }

  const majors = new Set(actions.map((a) => parseVersion(a.version).major));
  const blockers: string[] = [];
  if (majors.size !== 1)
    blockers.push(`the actions are on different majors (${[...majors].sort().join(", ")})`);
  for (const { name, version } of actions) {
    if (parseVersion(version).prerelease) blockers.push(`${name} is at a prerelease`);
    else if (changedSince(all.get(`${name}/v${version}`)!, `actions/${name}`))
      blockers.push(`actions/${name} changed since ${name}/v${version} (add a changeset and release it)`);
  }
  if (actions.length === 0) blockers.push("there are no actions");
  if (blockers.length === 0) set(`v${[...majors][0]}`, head);
  else plan.notes.push(`the repository-wide tag does not move: ${blockers.join("; ")}`);
  return plan;
}
