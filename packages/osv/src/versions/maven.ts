// Maven ordering (Maven's ComparableVersion, as described in the POM reference "Version Order
// Specification"). The version is lowercased and split into items at `.`, `-` and digit/letter
// transitions; `-` and a transition open a nested list, so `.` and `-` separators carry weight.
// Empty items are 0. Trailing "null" items (0, "", "final", "ga", "release") are dropped from each list.
// Qualifiers order: alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp,
// then unknown qualifiers lexically; `a1`, `b1`, `m1` mean alpha-1, beta-1, milestone-1.
// Between kinds: list < number, string < number, string < list (so 1-1 < 1.1 and 1-sp < 1-1).
// Where the POM reference's examples and ComparableVersion disagree (it lists 1.foo = 1-foo and
// 1-ga-1 = 1-1), this follows ComparableVersion, which is what Maven itself runs: 1.foo < 1-foo.
import type { VersionScheme } from "./scheme.js";
import { compareDigits, isDigitCode, stripLeadingZeros } from "./digits.js";

export type MavenItem =
  { kind: "int"; value: string } | { kind: "string"; value: string } | { kind: "list"; items: MavenItem[] };

const QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
const ALIASES: Record<string, string> = { ga: "", final: "", release: "", cr: "rc" };
const RELEASE_RANK = String(QUALIFIERS.indexOf(""));

/** Sort key of a qualifier: its rank among the known ones, or "<count>-<qualifier>" after all of them. */
function qualifierKey(q: string): string {
  const i = QUALIFIERS.indexOf(q);
  return i >= 0 ? String(i) : `${QUALIFIERS.length}-${q}`;
}

function stringItem(raw: string, followedByDigit: boolean): MavenItem {
  let value = raw;
  if (followedByDigit && raw.length === 1) {
    if (raw === "a") value = "alpha";
    else if (raw === "b") value = "beta";
    else if (raw === "m") value = "milestone";
  }
  return { kind: "string", value: ALIASES[value] ?? value };
}

function isNull(item: MavenItem): boolean {
  if (item.kind === "int") return item.value === "0";
  if (item.kind === "string") return item.value === "";
  return item.items.length === 0;
}

function normalize(list: MavenItem[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as MavenItem;
    if (isNull(item)) list.splice(i, 1);
    else if (item.kind !== "list") break;
  }
}

export function parseMaven(input: string): MavenItem | undefined {
  const version = input.trim().toLowerCase();
  if (version.length === 0) return undefined;
  const root: MavenItem & { kind: "list" } = { kind: "list", items: [] };
  let list = root.items;
  const lists: MavenItem[][] = [list];
  let isDigit = false;
  let start = 0;
  const addItem = (end: number, followedByDigit = false): void => {
    const text = version.slice(start, end);
    list.push(isDigit ? { kind: "int", value: stripLeadingZeros(text) } : stringItem(text, followedByDigit));
  };
  const openList = (): void => {
    const nested: MavenItem & { kind: "list" } = { kind: "list", items: [] };
    list.push(nested);
    list = nested.items;
    lists.push(list);
  };
  for (let i = 0; i < version.length; i++) {
    const c = version.charCodeAt(i);
    if (c === 46 || c === 45) {
      if (i === start) list.push({ kind: "int", value: "0" });
      else addItem(i);
      start = i + 1;
      if (c === 45) openList();
      isDigit = false;
    } else if (isDigitCode(c)) {
      if (!isDigit && i > start) {
        // letters -> digits: "alpha1" is alpha-1
        addItem(i, true);
        start = i;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        // digits -> letters: "1alpha" is 1-alpha
        addItem(i);
        start = i;
        openList();
      }
      isDigit = false;
    }
  }
  if (version.length > start) addItem(version.length);
  for (let k = lists.length - 1; k >= 0; k--) normalize(lists[k] as MavenItem[]);
  return root;
}

/** Compares an item with another, or with padding (`undefined`) when one list is shorter. */
function compareItem(a: MavenItem, b: MavenItem | undefined): number {
  if (a.kind === "int") {
    if (!b) return a.value === "0" ? 0 : 1;
    if (b.kind === "int") return compareDigits(a.value, b.value);
    return 1;
  }
  if (a.kind === "string") {
    if (!b) {
      const k = qualifierKey(a.value);
      return k === RELEASE_RANK ? 0 : k < RELEASE_RANK ? -1 : 1;
    }
    if (b.kind === "string") {
      const x = qualifierKey(a.value);
      const y = qualifierKey(b.value);
      return x === y ? 0 : x < y ? -1 : 1;
    }
    return -1;
  }
  if (!b) {
    // The whole list against padding, not just its first item (Maven 3.9, MNG-6964): 1-0.1 > 1.
    for (const item of a.items) {
      const c = compareItem(item, undefined);
      if (c !== 0) return c;
    }
    return 0;
  }
  if (b.kind === "int") return -1;
  if (b.kind === "string") return 1;
  const n = Math.max(a.items.length, b.items.length);
  for (let i = 0; i < n; i++) {
    const l = a.items[i];
    const r = b.items[i];
    const c = l ? compareItem(l, r) : r ? -compareItem(r, undefined) : 0;
    if (c !== 0) return c;
  }
  return 0;
}

export const mavenScheme: VersionScheme<MavenItem> = {
  name: "Maven",
  parse: parseMaven,
  compare: (a, b) => compareItem(a, b),
};
