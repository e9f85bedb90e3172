// Builds a scan root out of real lockfiles from ../shared/lockfiles, under the names their tools use.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { LOCKFILES_DIR } from "../../../osv/src/test-support/shared-data.js";

/** Real lockfiles used across the tests, by the path they get in a test repository. */
export const REAL = {
  /** CycloneDX SBOM of OWASP juice-shop 11.1.2: lodash 4.17.19 (line 5185) and 2.4.2. */
  juiceShopBom: "cyclonedx-json/CycloneDX__bom-examples__SBOM__juice-shop__v11.1.2__bom.json",
  /** helix Cargo.lock: rkyv 0.8.16 (three advisories fixed in 0.8.17), smartstring 1.0.1 (no fix). */
  helixCargo: "cargo-lock/helix-editor__helix__Cargo.lock",
  /** checkov Pipfile.lock: py 1.11.0 (develop only) affected by CVE-2022-42969 (no fix). */
  checkovPipfile: "pipfile-lock/bridgecrewio__checkov__Pipfile.lock",
} as const;

/** A temp directory with `files`: values are either a REAL lockfile path or `{ text }`. */
export function realRepo(files: Record<string, string | { text: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-osv-scan-"));
  for (const [name, from] of Object.entries(files)) {
    const to = join(dir, name);
    mkdirSync(dirname(to), { recursive: true });
    if (typeof from === "string") copyFileSync(join(LOCKFILES_DIR, from), to);
    else writeFileSync(to, from.text);
  }
  return dir;
}
