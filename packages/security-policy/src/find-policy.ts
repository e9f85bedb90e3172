// Finds the security policy where GitHub looks for it: the repository root, .github/ and docs/.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export const POLICY_DIRECTORIES = ["", ".github", "docs"] as const;
/** Markdown first, then the other forms GitHub renders or links. */
const EXTENSIONS = [".md", ".markdown", ".mdx", ".txt", ".rst", ".adoc", ""];

export interface PolicyFile {
  /** Relative to the repository root, forward slashes. */
  path: string;
  absolutePath: string;
  content: string;
}

/** Files over this size are not policies; refusing them keeps a hostile repository from exhausting memory. */
export const MAX_POLICY_BYTES = 1024 * 1024;

export async function findPolicy(root: string): Promise<PolicyFile | undefined> {
  for (const ext of EXTENSIONS) {
    for (const dir of POLICY_DIRECTORIES) {
      let names: string[];
      try {
        names = await readdir(join(root, dir));
      } catch {
        continue;
      }
      const name = names.find((n) => n.toLowerCase() === `security${ext}`);
      if (name === undefined) continue;
      const absolutePath = join(root, dir, name);
      const buffer = await readFile(absolutePath).catch(() => undefined);
      if (buffer === undefined) continue; // a directory named SECURITY, or unreadable
      if (buffer.length > MAX_POLICY_BYTES) {
        throw new Error(
          `${dir ? `${dir}/` : ""}${name}: ${buffer.length} bytes is too large for a security policy`,
        );
      }
      return { path: dir ? `${dir}/${name}` : name, absolutePath, content: buffer.toString("utf8") };
    }
  }
  return undefined;
}
