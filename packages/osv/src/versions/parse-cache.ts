// Parsed forms are cached per scheme because the matcher compares the same few versions millions of
// times. The cache is bounded: when it fills it is cleared, which keeps memory flat on huge inputs and
// costs only re-parsing.
import type { VersionScheme } from "./scheme.js";

/** Entries per scheme before the cache is cleared. */
export const PARSE_CACHE_LIMIT = 100_000;

/** `null` marks a string the scheme rejected. */
export class ParseCache<P> {
  private readonly entries = new Map<string, P | null>();

  constructor(private readonly scheme: VersionScheme<P>) {}

  get(version: string): P | null {
    let parsed = this.entries.get(version);
    if (parsed === undefined) {
      parsed = this.scheme.parse(version) ?? null;
      if (this.entries.size >= PARSE_CACHE_LIMIT) this.entries.clear();
      this.entries.set(version, parsed);
    }
    return parsed;
  }

  get size(): number {
    return this.entries.size;
  }
}
