// Test helper: asserts that a list is strictly ascending under an ecosystem's ordering, pair by pair,
// in both directions, so antisymmetry failures show up too.
import { expect } from "vitest";
import { compareVersions } from "../index.js";

export function expectAscending(ecosystem: string, versions: string[]): void {
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) {
      const a = versions[i] as string;
      const b = versions[j] as string;
      expect(`${a} ${compareVersions(ecosystem, a, b) < 0 ? "<" : ">="} ${b}`).toBe(`${a} < ${b}`);
      expect(`${b} ${compareVersions(ecosystem, b, a) > 0 ? ">" : "<="} ${a}`).toBe(`${b} > ${a}`);
    }
  }
}

export function expectEqual(ecosystem: string, a: string, b: string): void {
  expect(`${a} ${compareVersions(ecosystem, a, b)} ${b}`).toBe(`${a} 0 ${b}`);
  expect(`${b} ${compareVersions(ecosystem, b, a)} ${a}`).toBe(`${b} 0 ${a}`);
}
