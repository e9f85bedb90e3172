// Paths to the real OSV exports and lockfiles in ../shared (never copied into the project).
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const SHARED_DIR = fileURLToPath(new URL("../../../../../shared/", import.meta.url));
export const OSV_DB_DIR = join(SHARED_DIR, "osv-db");
export const LOCKFILES_DIR = join(SHARED_DIR, "lockfiles");

export function exportZip(ecosystem: string): string {
  return join(OSV_DB_DIR, ecosystem, "all.zip");
}
