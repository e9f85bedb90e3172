// The lockfiles of another commit (a pull request's base), read straight from git: `git ls-tree` finds
// them with the same rules as discovery on disk, one `git cat-file --batch` reads them and the manifests
// beside them. No second checkout, nothing written to the work tree.
import { realpath } from "node:fs/promises";
import { posix, relative, sep } from "node:path";
import {
  DEFAULT_SKIPPED_DIRS,
  ExtractorError,
  selectExtractor,
  type ExtractContext,
  type ExtractResult,
} from "@bulwark/lockfiles";
import picomatch from "picomatch";
import type { CollectOptions } from "./collect-lockfiles.js";
import { GitBlobReader } from "./git-blob-reader.js";
import { git, gitOk } from "./git.js";

export interface CommitLockfiles {
  /** The full commit id the revision named. */
  commit: string;
  results: ExtractResult[];
}

/**
 * Resolves `revision` to a commit, fetching it from the first remote when a shallow clone lacks it.
 * Throws a message that says what to change when it cannot.
 */
export async function resolveCommit(repo: string, revision: string): Promise<string> {
  // A revision that reads as an option (--upload-pack=...) must never reach git's command line.
  if (revision === "" || revision.startsWith("-") || /[\s\0]/.test(revision))
    throw new Error(`"${revision.replace(/[^\x20-\x7e]/g, "?")}" is not a git revision`);
  const verify = async (rev: string) => {
    const r = await git(repo, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    return r.code === 0 ? r.stdout.trim() : undefined;
  };
  const local = await verify(revision);
  if (local) return local;
  const remote = (await git(repo, ["remote"])).stdout.split("\n")[0]?.trim();
  if (remote) {
    const fetched = await git(repo, ["fetch", "--quiet", "--no-tags", "--depth=1", remote, revision]);
    if (fetched.code === 0) {
      const sha = await verify("FETCH_HEAD");
      if (sha) return sha;
    }
  }
  throw new Error(
    `${revision} is not a commit in this clone${remote ? ` and could not be fetched from ${remote}` : " and there is no remote to fetch it from"}; check out with a deeper fetch-depth (actions/checkout) or name a revision that exists`,
  );
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

/** Reads the lockfiles under `options.root` as they were at `revision`. */
export async function lockfilesAtCommit(
  options: CollectOptions & { revision: string },
): Promise<CommitLockfiles> {
  const top = (await gitOk(options.root, ["rev-parse", "--show-toplevel"])).trim();
  const rootInRepo = toPosix(relative(await realpath(top), await realpath(options.root)));
  const commit = await resolveCommit(top, options.revision);
  const listed = await gitOk(top, ["ls-tree", "-r", "-z", "--name-only", commit, "--", rootInRepo || "."]);
  const under = rootInRepo ? `${rootInRepo}/` : "";
  const paths = listed
    .split("\0")
    .filter((p) => p !== "" && p.startsWith(under))
    .map((p) => p.slice(under.length));
  const wanted = selectPaths(paths, options);
  const reader = new GitBlobReader(top, commit);
  try {
    const results: ExtractResult[] = [];
    for (const file of wanted) results.push(await extractAt(reader, under, file));
    return { commit, results };
  } finally {
    reader.close();
  }
}

/** The same choice discovery makes on disk: supported names, skipped folders, include/exclude, depth. */
function selectPaths(paths: readonly string[], options: CollectOptions): string[] {
  if (options.lockfiles && options.lockfiles.length > 0) {
    const explicit = new Set(options.lockfiles.map((f) => posix.normalize(toPosix(f)).replace(/^\.\//, "")));
    return paths.filter((p) => explicit.has(p));
  }
  const skip = new Set(DEFAULT_SKIPPED_DIRS);
  const include = options.include?.length ? picomatch([...options.include], { dot: true }) : undefined;
  const excludeGlobs = [...(options.exclude ?? []), ...(options.recursive === false ? ["*/**"] : [])];
  const exclude = excludeGlobs.length ? picomatch(excludeGlobs, { dot: true }) : undefined;
  return paths.filter((path) => {
    if (!selectExtractor(path, undefined)) return false;
    const dirs = path.split("/").slice(0, -1);
    if (dirs.some((d) => skip.has(d))) return false;
    if (include && !include(path)) return false;
    if (exclude) {
      if (exclude(path)) return false;
      for (let n = 1; n <= dirs.length; n++) {
        const dir = dirs.slice(0, n).join("/");
        if (exclude(dir) || exclude(`${dir}/`)) return false;
      }
    }
    return true;
  });
}

async function extractAt(reader: GitBlobReader, under: string, file: string): Promise<ExtractResult> {
  const content = await reader.read(`${under}${file}`);
  if (content === undefined) {
    return {
      file,
      format: "unknown",
      packages: [],
      errors: [{ file, message: `cannot read ${file} from git` }],
    };
  }
  const extractor = selectExtractor(file, content);
  if (!extractor) {
    return {
      file,
      format: "unknown",
      packages: [],
      errors: [{ file, message: `${file}: no supported lockfile or manifest format` }],
    };
  }
  const context: ExtractContext = {
    relativePath: file,
    absolutePath: `/${under}${file}`,
    readSibling(name) {
      const path = posix.normalize(posix.join(posix.dirname(`${under}${file}`), name));
      // Siblings outside the repository do not exist in a commit.
      if (path.startsWith("../") || path === ".." || posix.isAbsolute(path))
        return Promise.resolve(undefined);
      return reader.read(path);
    },
  };
  try {
    const packages = await extractor.extract(content, context);
    return { file, format: extractor.name, packages, errors: [] };
  } catch (error) {
    const line = error instanceof ExtractorError ? error.line : undefined;
    const message = `${file}${line !== undefined ? `:${line}` : ""}: ${(error as Error).message}`;
    return {
      file,
      format: extractor.name,
      packages: [],
      errors: [line !== undefined ? { file, line, message } : { file, message }],
    };
  }
}
