// The kept files of an image with their history: layers applied in order (whiteouts and opaque
// directories included), so an inventory can ask what a file held after any layer, and which layer wrote it.
import type { LayerChanges, LayerEntry } from "./layer-changes.js";
import { resolveLinkTarget } from "./tar-path.js";

export interface FileVersion {
  layerIndex: number;
  /** Undefined when this layer deleted the path. */
  entry?: LayerEntry;
}

const MAX_LINK_HOPS = 40;

export class ImageFilesystem {
  private readonly history = new Map<string, FileVersion[]>();
  private layerCount = 0;

  /** Applies the next layer on top of the ones before. */
  apply(changes: LayerChanges): void {
    const layerIndex = this.layerCount++;
    const hide = (prefix: string, keepSelf: boolean): void => {
      for (const [path, versions] of this.history) {
        const under = prefix === "" || path.startsWith(`${prefix}/`);
        if (!(under || (!keepSelf && path === prefix))) continue;
        const last = versions.at(-1);
        if (last?.entry && last.layerIndex < layerIndex) versions.push({ layerIndex });
      }
    };
    for (const dir of changes.opaqueDirs) hide(dir, true);
    for (const path of changes.deletions) hide(path, false);
    for (const [path, entry] of changes.entries) {
      const versions = this.history.get(path) ?? [];
      if (versions.at(-1)?.layerIndex === layerIndex) versions.pop();
      versions.push({ layerIndex, entry });
      this.history.set(path, versions);
    }
  }

  get layers(): number {
    return this.layerCount;
  }

  /** The entry at a path (not following links) as of a layer (default: the last). */
  entryAt(path: string, layerIndex = this.layerCount - 1): FileVersion | undefined {
    const versions = this.history.get(path);
    if (!versions) return undefined;
    for (let i = versions.length - 1; i >= 0; i--) {
      const version = versions[i];
      if (version && version.layerIndex <= layerIndex) return version.entry ? version : undefined;
    }
    return undefined;
  }

  /**
   * Follows symlinks (in the path's directories too) and hard links inside the image root. Returns the
   * real path and its entry, or undefined when it does not exist or links loop.
   */
  resolve(
    path: string,
    layerIndex = this.layerCount - 1,
  ): { path: string; version: FileVersion } | undefined {
    let current = path;
    for (let hops = 0; hops < MAX_LINK_HOPS; hops++) {
      const parts = current.split("/");
      let redirected = false;
      // A symlinked directory on the way (usr-merged /lib -> usr/lib) redirects the rest of the path.
      for (let i = 1; i < parts.length; i++) {
        const prefix = parts.slice(0, i).join("/");
        const version = this.entryAt(prefix, layerIndex);
        if (version?.entry?.type === "symlink") {
          current = [resolveLinkTarget(prefix, version.entry.target), ...parts.slice(i)].join("/");
          redirected = true;
          break;
        }
      }
      if (redirected) continue;
      const version = this.entryAt(current, layerIndex);
      if (!version?.entry) return undefined;
      if (version.entry.type === "symlink") {
        current = resolveLinkTarget(current, version.entry.target);
        continue;
      }
      if (version.entry.type === "hardlink") {
        current = version.entry.target;
        continue;
      }
      return { path: current, version };
    }
    return undefined;
  }

  /** Content of a file (following links) as of a layer; undefined when absent or not kept. */
  read(path: string, layerIndex?: number): Buffer | undefined {
    const found = this.resolve(path, layerIndex);
    return found?.version.entry?.type === "file" ? found.version.entry.content : undefined;
  }

  /** Indexes of the layers that changed this path (written or deleted), in order. */
  changesOf(path: string): number[] {
    return (this.history.get(path) ?? []).map((v) => v.layerIndex);
  }

  /** Non-directory paths present in the final image (not following links) that satisfy a test. */
  paths(test: (path: string) => boolean = () => true): string[] {
    const result: string[] = [];
    for (const path of this.history.keys()) {
      const entry = test(path) ? this.entryAt(path)?.entry : undefined;
      if (entry && entry.type !== "dir") result.push(path);
    }
    return result.sort();
  }
}
