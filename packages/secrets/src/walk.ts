// Lists a working tree's files the way git would see them: .gitignore files at every level (and
// .git/info/exclude) are honoured with the `ignore` package; .git itself and symlinks are never entered.
import { readdirSync, readFileSync, type Dirent } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";

interface Scope {
  /** Directory of the .gitignore, relative to the root ("" for the root). */
  base: string;
  ig: Ignore;
}

export interface WalkResult {
  files: string[];
  /** Directories or entries that could not be listed. */
  errors: { path: string; message: string }[];
  symlinks: number;
}

export interface WalkOptions {
  respectGitignore?: boolean;
  /** Prune a directory (relative path) before entering it. */
  pruneDir?: (rel: string) => boolean;
  /** Called as files are found, with the count so far (e.g. to start workers while the walk goes on). */
  onFile?: (count: number) => void;
}

function readIgnore(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function ignored(scopes: Scope[], rel: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const sub = s.base === "" ? rel : rel.slice(s.base.length + 1);
    if (s.ig.ignores(isDir ? `${sub}/` : sub)) return true;
  }
  return false;
}

/**
 * Synchronous inside: listing is many tiny calls, for which fs/promises' per-call cost (a promise and a
 * thread-pool round trip each) is several times the work; nothing else runs during a scan's walk.
 */
export async function walkTree(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  return Promise.resolve(walkTreeSync(root, options));
}

export function walkTreeSync(root: string, options: WalkOptions = {}): WalkResult {
  const result: WalkResult = { files: [], errors: [], symlinks: 0 };
  const useIgnore = options.respectGitignore ?? true;
  const rootScopes: Scope[] = [];
  if (useIgnore) {
    const exclude = readIgnore(join(root, ".git", "info", "exclude"));
    if (exclude) rootScopes.push({ base: "", ig: ignore().add(exclude) });
  }

  const visit = (rel: string, scopes: Scope[]): void => {
    const dir = rel === "" ? root : join(root, rel);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      result.errors.push({ path: rel || ".", message: (e as NodeJS.ErrnoException).code ?? String(e) });
      return;
    }
    let here = scopes;
    // Read only where the listing shows one: a failed read per directory (an exception each) cost more
    // than the listing itself.
    if (useIgnore && entries.some((e) => e.name === ".gitignore")) {
      const text = readIgnore(join(dir, ".gitignore"));
      if (text) here = [...scopes, { base: rel, ig: ignore().add(text) }];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isSymbolicLink()) {
        result.symlinks++;
        continue;
      }
      if (e.isDirectory()) {
        if (e.name === ".git" || ignored(here, child, true) || options.pruneDir?.(child)) continue;
        subdirs.push(child);
      } else if (e.isFile() && !ignored(here, child, false)) {
        const count = result.files.push(child);
        options.onFile?.(count);
      }
    }
    for (const d of subdirs) visit(d, here);
  };
  visit("", rootScopes);
  return result;
}
