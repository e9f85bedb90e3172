// new-only: which of the head's findings were already on the base, and which of the base's are gone.
// A vulnerability is "the same" when the lockfile, the package and one of its ids (or aliases) agree;
// the version is left out, so bumping a package that stays affected introduces nothing.
import type { Finding } from "@bulwark/core";

export interface BaseComparison {
  /** Fingerprints of head findings the base already had. */
  preexisting: string[];
  /** Base findings the head no longer has. */
  fixed: Finding[];
}

function keys(f: Finding): string[] {
  const where = `${f.location?.path ?? ""}\u0000${f.package?.ecosystem ?? ""}\u0000${f.package?.name ?? ""}`;
  return [...new Set([f.ruleId, ...(f.ids ?? []), ...(f.aliases ?? [])])].map(
    (id) => `${where}\u0000${id.toUpperCase()}`,
  );
}

export interface CompareOptions {
  /** False for a base finding whose lockfile or package the head scan could not check: never "fixed". */
  checked?(baseFinding: Finding): boolean;
}

export function compareWithBase(
  head: readonly Finding[],
  base: readonly Finding[],
  options: CompareOptions = {},
): BaseComparison {
  const onBase = new Set(base.flatMap(keys));
  const onHead = new Set(head.flatMap(keys));
  const checked = options.checked ?? (() => true);
  return {
    preexisting: head.filter((f) => keys(f).some((k) => onBase.has(k))).map((f) => f.fingerprint),
    fixed: base.filter((f) => !keys(f).some((k) => onHead.has(k)) && checked(f)),
  };
}
