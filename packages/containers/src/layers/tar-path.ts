// Turns a path from a layer tar into a clean image path ("etc/os-release"), refusing ones that would
// escape the image root. Nothing is ever written to disk, but a bad path still must not alias a real one.

export type PathCheck = { path: string; warning?: string } | { error: string };

export function cleanTarPath(raw: string): PathCheck {
  let warning: string | undefined;
  if (raw.startsWith("/")) warning = `absolute path "${raw}" read as relative to the image root`;
  const parts: string[] = [];
  for (const part of raw.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return { error: `path "${raw}" escapes the image root` };
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  const path = parts.join("/");
  return warning ? { path, warning } : { path };
}

/** Resolves a link target against the directory holding the link, inside the image root (like a chroot). */
export function resolveLinkTarget(linkPath: string, target: string): string {
  const base = target.startsWith("/") ? [] : linkPath.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") base.pop();
    else base.push(part);
  }
  return base.join("/");
}
