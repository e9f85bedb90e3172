// The [epoch:]version[-release] layout dpkg and rpm share: a numeric epoch before the first colon,
// and the text after the last dash as the revision (dpkg) or release (rpm).
import { isAllDigits } from "./digits.js";

export interface EpochVersionRelease {
  epoch: number;
  /** Everything after the epoch. */
  rest: string;
  /** Before the last dash of `rest` (all of it when there is none). */
  head: string;
  /** After the last dash ("" when there is none). */
  tail: string;
  /** Index of the last dash in `rest`, -1 when there is none. */
  dash: number;
}

/** Undefined when the epoch is not all digits. */
export function splitEpochVersionRelease(s: string): EpochVersionRelease | undefined {
  let epoch = 0;
  let rest = s;
  const colon = s.indexOf(":");
  if (colon >= 0) {
    const e = s.slice(0, colon);
    if (!isAllDigits(e)) return undefined;
    epoch = Number(e);
    rest = s.slice(colon + 1);
  }
  const dash = rest.lastIndexOf("-");
  return {
    epoch,
    rest,
    head: dash >= 0 ? rest.slice(0, dash) : rest,
    tail: dash >= 0 ? rest.slice(dash + 1) : "",
    dash,
  };
}
