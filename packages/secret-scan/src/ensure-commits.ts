// Shallow clones (actions/checkout fetches one commit by default) may lack the commits a range needs.
// With a remote, fetch them and deepen until the range is connected; without, say which fetch-depth is needed.
import { git, hasCommit } from "./git.js";

const DEEPEN_STEP = 100;
const MAX_ROUNDS = 20;

export type EnsureOutcome = { ok: true; fetched: boolean } | { ok: false; message: string };

async function isShallow(cwd: string): Promise<boolean> {
  return (await git(cwd, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
}

async function connected(cwd: string, base: string, head: string): Promise<boolean> {
  return (await git(cwd, ["merge-base", base, head])).code === 0;
}

/** Makes `base` and `head` present and (for a shallow clone) connected by history. */
export async function ensureRange(cwd: string, base: string, head: string): Promise<EnsureOutcome> {
  const missing = async () => {
    const out: string[] = [];
    for (const sha of [base, head]) if (!(await hasCommit(cwd, sha))) out.push(sha);
    return out;
  };
  let absent = await missing();
  const shallow = await isShallow(cwd);
  if (absent.length === 0 && (!shallow || (await connected(cwd, base, head))))
    return { ok: true, fetched: false };
  const remote = (await git(cwd, ["remote"])).stdout.split("\n")[0]?.trim();
  if (!remote) {
    return {
      ok: false,
      message: `${absent.length > 0 ? `commit ${absent.join(" and ")} is not in the clone` : `the clone is shallow and does not reach ${base}`}, and there is no remote to fetch it from: check out with \`fetch-depth: 0\` on actions/checkout (or deep enough to include ${base})`,
    };
  }
  if (absent.length > 0) {
    await git(cwd, ["fetch", "--quiet", "--no-tags", remote, ...absent]);
    absent = await missing();
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (absent.length === 0 && (!(await isShallow(cwd)) || (await connected(cwd, base, head)))) {
      return { ok: true, fetched: true };
    }
    const r = await git(cwd, ["fetch", "--quiet", "--no-tags", `--deepen=${DEEPEN_STEP}`, remote]);
    if (r.code !== 0) break;
    absent = await missing();
  }
  if (absent.length === 0 && (await connected(cwd, base, head))) return { ok: true, fetched: true };
  return {
    ok: false,
    message: `${absent.length > 0 ? `commit ${absent.join(" and ")} could not be fetched` : `${base} and ${head} share no history in this clone`}: check out with \`fetch-depth: 0\` on actions/checkout`,
  };
}
