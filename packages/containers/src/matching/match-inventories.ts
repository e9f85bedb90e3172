// Matches the packages of many images against OSV in one pass: a package shared by ten images (the
// same base) is queried once. OS packages are matched by source package, so one advisory against
// `openssl` reaches `libssl3` and `openssl` alike.
import type { ScanProblem } from "@bulwark/core";
import {
  matchPackages,
  packageKey,
  type MatchOptions,
  type PackageMatch,
  type UnresolvedPackage,
  type VulnerabilitySource,
} from "@bulwark/osv";
import type { ImagePackage } from "../inventory/image-package.js";
import type { ImageInventory } from "../scan-image.js";
import { packageQuery } from "./package-query.js";

export interface InventoryMatches {
  /** Matches by `packageKey(packageQuery(p))`. */
  matches: Map<string, PackageMatch[]>;
  unresolved: Map<string, UnresolvedPackage>;
  problems: ScanProblem[];
  /** Distinct packages queried. */
  queried: number;
}

/** Packages whose ecosystem is known (an OS package of an unknown distribution cannot be matched). */
export function matchable(p: ImagePackage): boolean {
  return p.ecosystem !== "" && p.version !== "";
}

export async function matchInventories(
  inventories: readonly ImageInventory[],
  source: VulnerabilitySource,
  options: MatchOptions = {},
): Promise<InventoryMatches> {
  const queries = new Map<string, ReturnType<typeof packageQuery>>();
  for (const inventory of inventories) {
    for (const p of inventory.packages) {
      if (!matchable(p)) continue;
      const q = packageQuery(p);
      queries.set(packageKey(q), q);
    }
  }
  const matches = new Map<string, PackageMatch[]>();
  const unresolved = new Map<string, UnresolvedPackage>();
  const problems: ScanProblem[] = [];
  if (queries.size === 0) return { matches, unresolved, problems, queried: 0 };
  try {
    const result = await matchPackages([...queries.values()], source, options);
    for (const m of result.matches) {
      const key = packageKey(m.package);
      matches.set(key, [...(matches.get(key) ?? []), m]);
    }
    for (const u of result.unresolved) unresolved.set(packageKey(u.package), u);
    for (const p of result.problems) {
      const level = p.level ?? "error";
      const message =
        level === "error" && p.ecosystem !== undefined
          ? `The vulnerability database has no ${p.ecosystem} records, so ${p.packages.length} ${p.ecosystem} package${p.packages.length === 1 ? " was" : "s were"} not checked: ${p.message}`
          : p.message;
      problems.push({ level, message });
    }
  } catch (error) {
    problems.push({
      level: "error",
      message: `The vulnerability database could not be reached, so no image package was checked: ${(error as Error).message}`,
    });
  }
  return { matches, unresolved, problems, queried: queries.size };
}
