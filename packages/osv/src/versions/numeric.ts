// Purely numeric versions: CRAN (R's package_version: integers separated by `.` or `-`), Hackage and
// GHC (Haskell's Data.Version: integers separated by `.`). Components compare numerically in order;
// when one version is a prefix of the other, the shorter is older (1.0 < 1.0.0), as both define it.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isAllDigits, stripLeadingZeros } from "./digits.js";

export function numericScheme(name: string, separators: RegExp): VersionScheme<string[]> {
  return {
    name,
    parse(input) {
      const s = input.trim();
      if (s.length === 0) return undefined;
      const parts = s.split(separators);
      if (!parts.every(isAllDigits)) return undefined;
      return parts.map(stripLeadingZeros);
    },
    compare(a, b) {
      const n = Math.min(a.length, b.length);
      for (let i = 0; i < n; i++) {
        const c = compareDigits(a[i] as string, b[i] as string);
        if (c !== 0) return c;
      }
      return a.length - b.length;
    },
  };
}
