import { describe, expect, it } from "vitest";
import { planTags, type PlanInput } from "./plan-tags.js";

const HEAD = "h".repeat(40);
const OLD = "o".repeat(40);
const actions = [
  { name: "osv-scan", version: "1.2.0" },
  { name: "sast", version: "1.0.1" },
];

function plan(input: Partial<PlanInput>) {
  return planTags({ head: HEAD, actions, tags: new Map(), changedSince: () => false, ...input });
}

describe("planTags", () => {
  it("first release: every full tag, every moving major and the repository vX at HEAD", () => {
    const p = plan({});
    expect(p.create.map((c) => c.tag)).toEqual([
      "osv-scan/v1.2.0",
      "osv-scan/v1",
      "sast/v1.0.1",
      "sast/v1",
      "v1",
    ]);
    expect(p.create.every((c) => c.commit === HEAD)).toBe(true);
    expect(p.move).toEqual([]);
  });

  it("one action released: its tags move, the others stay, vX moves as the rest is unchanged", () => {
    const tags = new Map([
      ["osv-scan/v1.1.0", OLD],
      ["osv-scan/v1", OLD],
      ["sast/v1.0.1", OLD],
      ["sast/v1", OLD],
      ["v1", OLD],
    ]);
    const p = plan({ tags });
    expect(p.create).toEqual([{ tag: "osv-scan/v1.2.0", commit: HEAD }]);
    expect(p.move).toEqual([
      { tag: "osv-scan/v1", commit: HEAD, from: OLD },
      { tag: "v1", commit: HEAD, from: OLD },
    ]);
  });

  it("keeps vX where it is while an action has unreleased changes", () => {
    const tags = new Map([
      ["osv-scan/v1.2.0", OLD],
      ["osv-scan/v1", OLD],
      ["sast/v1.0.1", OLD],
      ["sast/v1", OLD],
      ["v1", OLD],
    ]);
    const p = plan({ tags, changedSince: (_commit, path) => path === "actions/sast" });
    expect(p.create).toEqual([]);
    expect(p.move).toEqual([]);
    expect(p.notes.join()).toContain("actions/sast changed since sast/v1.0.1");
  });

  it("never moves a major tag back to an older release", () => {
    const tags = new Map([
      ["osv-scan/v1.3.0", OLD],
      ["osv-scan/v1", OLD],
    ]);
    const p = planTags({
      head: HEAD,
      actions: [{ name: "osv-scan", version: "1.2.0" }],
      tags,
      changedSince: () => false,
    });
    expect(p.create.filter((c) => c.tag.startsWith("osv-scan/"))).toEqual([
      { tag: "osv-scan/v1.2.0", commit: HEAD },
    ]);
    expect(p.move).toEqual([]);
  });

  it("leaves the moving tags alone for prereleases and different majors", () => {
    const p = planTags({
      head: HEAD,
      actions: [
        { name: "osv-scan", version: "2.0.0-rc.1" },
        { name: "sast", version: "1.0.1" },
      ],
      tags: new Map(),
      changedSince: () => false,
    });
    expect(p.create.map((c) => c.tag)).toEqual(["osv-scan/v2.0.0-rc.1", "sast/v1.0.1", "sast/v1"]);
    expect(p.notes.join("\n")).toMatch(/prerelease[\s\S]*different majors \(1, 2\)/);
  });
});
