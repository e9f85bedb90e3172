import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FINGERPRINT_LENGTH, fingerprint } from "./fingerprint.js";

describe("fingerprint", () => {
  it("is stable hex of the fixed length", () => {
    const fp = fingerprint("osv-scan", "GHSA-xxxx", "npm", "lodash", "package-lock.json");
    expect(fp).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`));
    expect(fingerprint("osv-scan", "GHSA-xxxx", "npm", "lodash", "package-lock.json")).toBe(fp);
  });

  it("keeps part boundaries unambiguous", () => {
    expect(fingerprint("a:b", "c")).not.toBe(fingerprint("a", "b:c"));
    expect(fingerprint("ab", "")).not.toBe(fingerprint("a", "b"));
    expect(fingerprint("a", undefined)).not.toBe(fingerprint("a", ""));
    expect(fingerprint("a", undefined)).not.toBe(fingerprint("a"));
    expect(fingerprint("1")).toBe(fingerprint(1));
  });

  it("differs for different inputs", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(fingerprint("rule", `path/${i}`));
    expect(seen.size).toBe(1000);
  });
});

describe("fingerprint encoding", () => {
  it("gives different lists of parts different fingerprints", () => {
    const parts = fc.array(fc.option(fc.string(), { nil: undefined }), { maxLength: 5 });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const same = a.length === b.length && a.every((x, i) => x === b[i]);
        return same === (fingerprint(...a) === fingerprint(...b));
      }),
    );
  });
});
