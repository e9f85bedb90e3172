// One pass over a JSON text that records the line of each object key whose path the caller wants.
// JSON.parse drops positions, and searching once per package would be quadratic on big lockfiles.

/** Keys from the document root down to (and including) the key being looked at. */
export type KeyPath = readonly string[];

/** Joins a key path into the map key jsonKeyLines uses. */
export function keyPathId(path: KeyPath): string {
  return path.join("\u0000");
}

/**
 * Lines (1-based) of the keys for which `want(path)` holds, keyed by keyPathId(path). `descend(path)`
 * says whether to look inside an object value at all (pruning keeps big documents fast). Arrays are
 * never descended into. Malformed text gives a partial map, never an error: JSON.parse judges validity.
 */
export function jsonKeyLines(
  text: string,
  want: (path: KeyPath) => boolean,
  descend: (path: KeyPath) => boolean = () => true,
): Map<string, number> {
  const out = new Map<string, number>();
  const path: string[] = [];
  // One entry per open object: true when it is the value of a key (whose path entry closes with it).
  const frames: boolean[] = [];
  let pending = false; // a key was read and its scalar or skipped value is not yet finished
  let skip = 0; // depth inside a container we do not descend into
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
    } else if (c === 34) {
      const start = i;
      let escaped = false;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (escaped) escaped = false;
        else if (d === 92) escaped = true;
        else if (d === 34) break;
        else if (d === 10) line++;
      }
      if (skip === 0 && frames.length > 0 && !pending) {
        let k = i + 1;
        for (; k < n; k++) {
          const d = text.charCodeAt(k);
          if (d !== 32 && d !== 9 && d !== 13 && d !== 10) break;
        }
        if (text.charCodeAt(k) === 58) {
          const raw = text.slice(start + 1, i);
          path.push(raw.includes("\\") ? unescape(raw) : raw);
          pending = true;
          if (want(path)) out.set(keyPathId(path), line);
        }
      }
    } else if (c === 123 || c === 91) {
      if (skip > 0) skip++;
      else if (c === 123 && (frames.length === 0 || (pending && descend(path)))) {
        frames.push(frames.length > 0);
        pending = false;
      } else skip = 1;
    } else if (c === 125 || c === 93) {
      if (skip > 0) {
        skip--;
        if (skip === 0 && pending) {
          path.pop();
          pending = false;
        }
      } else {
        if (pending) {
          path.pop();
          pending = false;
        }
        if (frames.pop()) path.pop();
      }
    } else if (c === 44 && skip === 0 && pending) {
      path.pop();
      pending = false;
    }
  }
  return out;
}

function unescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
