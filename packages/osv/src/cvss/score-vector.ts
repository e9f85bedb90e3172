import { scoreV2 } from "./v2.js";
import { scoreV3 } from "./v3.js";
import { scoreV4 } from "./v4.js";

export interface VectorScore {
  version: "2.0" | "3.0" | "3.1" | "4.0";
  baseScore: number;
}

/**
 * Scores a CVSS vector of any version: `CVSS:4.0/...`, `CVSS:3.1/...`, `CVSS:3.0/...`, or a v2 vector
 * (`AV:N/AC:L/Au:N/C:C/I:C/A:C`, optionally in parentheses or prefixed `CVSS:2.0/`). Returns undefined
 * for anything malformed; never throws.
 */
export function scoreVector(vector: string): VectorScore | undefined {
  try {
    const v = vector.trim();
    if (v.startsWith("CVSS:4.0/")) {
      const s = scoreV4(v);
      return s === undefined ? undefined : { version: "4.0", baseScore: s };
    }
    if (v.startsWith("CVSS:3.")) {
      const s = scoreV3(v);
      return s === undefined ? undefined : { version: s.version, baseScore: s.score };
    }
    const s = scoreV2(v);
    return s === undefined ? undefined : { version: "2.0", baseScore: s };
  } catch {
    return undefined;
  }
}
