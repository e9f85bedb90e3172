// The inputs that say where OSV records come from: shared by every check that matches against OSV
// (osv-scan, container-scan), so their names, defaults and help read the same everywhere.
import { input } from "@bulwark/core";
import { DEFAULT_API_BASE, DEFAULT_EXPORT_BASE } from "@bulwark/osv";

export const osvDatabaseInputs = [
  input.choice("database", {
    values: ["online", "offline", "auto"],
    description:
      "Where vulnerabilities come from: online (the osv.dev API), offline (OSV's per-ecosystem exports, downloaded and cached), auto (online, falling back to the cached exports with a notice).",
    default: "auto",
  }),
  input.string("database-cache", {
    description:
      "Directory (relative to the workspace) to cache the database in; keep it with actions/cache. Default: a temp dir.",
  }),
  input.string("osv-api-url", { description: "Base URL of the osv.dev API.", default: DEFAULT_API_BASE }),
  input.string("osv-db-url", {
    description: "Base URL (or local directory) of the OSV exports, laid out as <Ecosystem>/all.zip.",
    default: DEFAULT_EXPORT_BASE,
  }),
] as const;
