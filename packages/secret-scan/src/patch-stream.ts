// Streams `git log -p` and yields each changed file's added lines with their line numbers in the new
// file, one file at a time, so history of any length is read in constant memory (besides one file's
// added lines, capped at maxBytes).
import { spawn } from "node:child_process";
import { git, GIT_ENV } from "./git.js";

export interface CommitInfo {
  sha: string;
  author: string;
  /** Author date, ISO 8601. */
  date: string;
}

export type PatchEvent =
  | { kind: "commit"; commit: CommitInfo }
  | { kind: "added"; commit: CommitInfo; path: string; text: string; lineNumbers: number[]; bytes: number }
  | { kind: "skipped"; commit: CommitInfo; path: string; reason: "binary" | "too-large" };

export interface PatchStreamOptions {
  /** Added lines of one file in one commit beyond this many bytes are not scanned (a "too-large" skip). */
  maxBytes: number;
}

const COMMIT_MARK = "\x1e";
const FIELD_SEP = "\x1f";
const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * How merges are diffed. `remerge` (git 2.36+) shows only what a merge itself introduced (conflict
 * resolutions, edits made while merging) against git's own re-merge of its parents: what it brings in
 * from the other side belongs to the commits that made it, which a range leaves out when they are not
 * the pull request's or push's own. Diffing against the first parent (older git) would charge a pull
 * request that merged its base branch in with every secret added on that branch meanwhile.
 */
export type MergeDiff = "remerge" | "first-parent";

/** `remerge` where this git has it (2.36+), else `first-parent`. */
export async function mergeDiffFor(cwd: string): Promise<MergeDiff> {
  const version = /git version (\d+)\.(\d+)/.exec((await git(cwd, ["version"])).stdout);
  const [major, minor] = version ? [Number(version[1]), Number(version[2])] : [0, 0];
  return major > 2 || (major === 2 && minor >= 36) ? "remerge" : "first-parent";
}

/**
 * The git arguments: oldest commit first (parents before children), zero context lines, renames detected
 * so a moved file is not re-read, and merges diffed as `merges` says (see MergeDiff).
 */
export function logArgs(revisions: readonly string[], merges: MergeDiff = "remerge"): string[] {
  return [
    "-c",
    "core.quotePath=false",
    "log",
    "-p",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--unified=0",
    "-M",
    `--diff-merges=${merges}`,
    "--topo-order",
    "--reverse",
    "--relative",
    `--format=${COMMIT_MARK}%H${FIELD_SEP}%an${FIELD_SEP}%aI`,
    ...revisions,
    "--",
    ".",
  ];
}

/** Reads a path from a `+++ b/path` line, undoing git's C-style quoting of unusual names. */
export function parseNewPath(rest: string): string | undefined {
  if (rest === "/dev/null") return undefined;
  // git ends the name with a tab when it holds a space, so tools can tell where it stops.
  let p = rest.endsWith("\t") ? rest.slice(0, -1) : rest;
  if (p.startsWith('"') && p.endsWith('"')) p = unquoteC(p.slice(1, -1));
  return p.startsWith("b/") ? p.slice(2) : p;
}

function unquoteC(s: string): string {
  const bytes: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, "\\": 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const n = s[i + 1] ?? "";
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Parses `git log -p` output for the given revisions, run in `cwd`. Throws with git's message on failure. */
export async function* streamAddedLines(
  cwd: string,
  revisions: readonly string[],
  options: PatchStreamOptions,
): AsyncGenerator<PatchEvent> {
  const child = spawn("git", logArgs(revisions, await mergeDiffFor(cwd)), {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    if (stderr.length < 4000) stderr += d;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on("error", (e) => reject(new Error(`could not run git: ${e.message}`)));
    child.on("close", (code) => resolve(code ?? 1));
  });

  let commit: CommitInfo | undefined;
  let path: string | undefined;
  let lines: string[] = [];
  let numbers: number[] = [];
  let bytes = 0;
  let tooLarge = false;
  let binary = false;
  let oldLeft = 0;
  let newLeft = 0;
  let nextLine = 0;

  const flush = (): PatchEvent | undefined => {
    let event: PatchEvent | undefined;
    if (commit && path !== undefined) {
      if (binary) event = { kind: "skipped", commit, path, reason: "binary" };
      else if (tooLarge) event = { kind: "skipped", commit, path, reason: "too-large" };
      else if (lines.length > 0)
        event = { kind: "added", commit, path, text: lines.join("\n"), lineNumbers: numbers, bytes };
    }
    path = undefined;
    lines = [];
    numbers = [];
    bytes = 0;
    tooLarge = false;
    binary = false;
    oldLeft = newLeft = 0;
    return event;
  };

  function* handle(line: string): Generator<PatchEvent> {
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0];
      if (c === "+") {
        newLeft--;
        const text = line.slice(1);
        if (!tooLarge) {
          bytes += text.length + 1;
          if (bytes > options.maxBytes) {
            tooLarge = true;
            lines = [];
            numbers = [];
          } else {
            lines.push(text);
            numbers.push(nextLine);
          }
        }
        nextLine++;
        return;
      }
      if (c === "-") {
        oldLeft--;
        return;
      }
      if (c === "\\") return; // "\ No newline at end of file"
      // Anything else ends the hunk early (should not happen with --unified=0); fall through to headers.
      oldLeft = newLeft = 0;
    }
    if (line.startsWith(COMMIT_MARK)) {
      const done = flush();
      if (done) yield done;
      const [sha, author, date] = line.slice(1).split(FIELD_SEP);
      commit = { sha: sha ?? "", author: author ?? "", date: date ?? "" };
      yield { kind: "commit", commit };
      return;
    }
    if (line.startsWith("diff --git ") || line.startsWith("diff --cc ")) {
      const done = flush();
      if (done) yield done;
      // The path is known from "+++" (text) or guessed from this header (binary and mode-only changes).
      const m = / b\/(.*)$/.exec(line);
      path = m ? m[1] : "";
      return;
    }
    if (line.startsWith("+++ ")) {
      const p = parseNewPath(line.slice(4));
      if (p !== undefined) path = p;
      return;
    }
    if (line.startsWith("Binary files ")) {
      binary = true;
      return;
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      nextLine = Number(hunk[2]);
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
    }
  }

  child.stdout.setEncoding("utf8");
  let pending = "";
  for await (const chunk of child.stdout as AsyncIterable<string>) {
    pending += chunk;
    let start = 0;
    for (let nl = pending.indexOf("\n"); nl !== -1; nl = pending.indexOf("\n", start)) {
      yield* handle(pending.slice(start, nl));
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending) yield* handle(pending);
  const last = flush();
  if (last) yield last;
  const code = await exited;
  if (code !== 0) throw new Error(`git log failed: ${stderr.trim().slice(0, 500)}`);
}
