import { describe, expect, it } from "vitest";
import { chainsFromGraph } from "./dependency-chains.js";

describe("chainsFromGraph", () => {
  it("gives each node the shortest chain from a root, first root and first edge winning ties", () => {
    const edges = new Map([
      ["app-a", ["x", "y"]],
      ["app-b", ["y"]],
      ["x", ["z"]],
      ["y", ["z", "x"]],
      ["z", ["x"]], // a cycle back up
    ]);
    const chains = chainsFromGraph(edges, ["app-a", "app-b", "app-a"], (n) => n.toUpperCase());
    expect(Object.fromEntries(chains)).toEqual({
      "app-a": [],
      "app-b": [],
      x: ["APP-A"],
      y: ["APP-A"],
      z: ["APP-A", "X"],
    });
    expect(chainsFromGraph(edges, [], (n) => n).size).toBe(0);
  });
});
