/**
 * One ecosystem's version ordering, split into a parse step (done once per distinct version string and
 * cached) and a compare step over parsed forms (the hot path, kept free of regular expressions).
 */
export interface VersionScheme<P = unknown> {
  readonly name: string;
  /** The parsed form, or undefined when the string is not a version in this scheme. */
  parse(version: string): P | undefined;
  /** Negative, zero or positive, like Array.prototype.sort's comparator. */
  compare(a: P, b: P): number;
}
