// Which languages a repository holds, file by file: extensions first, then shebangs for extensionless
// scripts. Excluded paths (vendored, built, generated: see exclude.ts) and gitignored paths are skipped.
import { open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import { excludeMatcher, type ExcludeMatcher } from "./exclude.js";

export const LANGUAGES = ["python", "javascript", "typescript", "shell", "c", "go"] as const;
export type Language = (typeof LANGUAGES)[number];

const EXTENSIONS: Record<string, Language> = {
  py: "python",
  pyw: "python",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "typescript",
  sh: "shell",
  bash: "shell",
  ksh: "shell",
  dash: "shell",
  c: "c",
  h: "c",
  cc: "c",
  cpp: "c",
  cxx: "c",
  hpp: "c",
  hh: "c",
  hxx: "c",
  go: "go",
};

const SHEBANGS: [RegExp, Language][] = [
  [/^#!.*\bpython[0-9.]*\b/, "python"],
  [/^#!.*\b(node|deno|bun)\b/, "javascript"],
  [/^#!.*\b(sh|bash|dash|ksh)\b/, "shell"],
];

/** Manifests that confirm a language even before its sources are counted (reported in stats). */
const MANIFESTS: Record<string, Language> = {
  "pyproject.toml": "python",
  "setup.py": "python",
  "requirements.txt": "python",
  "package.json": "javascript",
  "tsconfig.json": "typescript",
  "go.mod": "go",
  "CMakeLists.txt": "c",
};

export interface DetectedSources {
  /** Paths relative to the root, forward slashes, sorted, per language. */
  files: Map<Language, string[]>;
  /** Manifests seen, relative paths. */
  manifests: string[];
}

export function languageOfName(name: string): Language | undefined {
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return undefined;
  return EXTENSIONS[name.slice(dot + 1).toLowerCase()];
}

export function languageOfShebang(firstLine: string): Language | undefined {
  for (const [pattern, language] of SHEBANGS) if (pattern.test(firstLine)) return language;
  return undefined;
}

async function firstLine(file: string): Promise<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(128);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").split("\n", 1)[0] ?? "";
  } finally {
    await handle.close();
  }
}

async function readIgnore(dir: string): Promise<string | undefined> {
  try {
    return await readFile(join(dir, ".gitignore"), "utf8");
  } catch {
    return undefined;
  }
}

/** Walks `root` and sorts its source files by language, leaving out what `exclude` matches. */
export async function detectSources(
  root: string,
  exclude: ExcludeMatcher = excludeMatcher(),
): Promise<DetectedSources> {
  const files = new Map<Language, string[]>();
  const manifests: string[] = [];
  // Each .gitignore applies to its own directory and below, with patterns relative to it.
  const walk = async (rel: string, rules: { base: string; ig: Ignore }[]): Promise<void> => {
    const dir = join(root, rel);
    const text = await readIgnore(dir);
    const scoped = text === undefined ? rules : [...rules, { base: rel, ig: ignore().add(text) }];
    const ignored = (path: string, isDir: boolean) =>
      scoped.some(({ base, ig }) => {
        const inner = base === "" ? path : path.slice(base.length + 1);
        return ig.ignores(isDir ? `${inner}/` : inner);
      });
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === ".git" || exclude(path, true) || ignored(path, true)) continue;
        await walk(path, scoped);
        continue;
      }
      if (!entry.isFile() || exclude(path) || ignored(path, false)) continue;
      if (MANIFESTS[entry.name]) manifests.push(path);
      let language = languageOfName(entry.name);
      if (language === undefined && !entry.name.includes(".")) {
        language = languageOfShebang(await firstLine(join(root, path)));
      }
      if (language === undefined) continue;
      const list = files.get(language) ?? [];
      list.push(path);
      files.set(language, list);
    }
  };
  await walk("", []);
  return { files, manifests };
}
