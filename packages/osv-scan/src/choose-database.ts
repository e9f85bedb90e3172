// Builds the vulnerability database the inputs ask for. "auto" queries osv.dev and, when it cannot be
// reached, falls back to the offline exports already in the cache (with a notice saying so).
import { join } from "node:path";
import type { ScanProblem } from "@bulwark/core";
import {
  OfflineSource,
  OnlineSource,
  type RetryOptions,
  type SourceResult,
  type VulnerabilitySource,
} from "@bulwark/osv";
import type { PackageQuery, OsvRecord } from "@bulwark/osv";

export type DatabaseMode = "online" | "offline" | "auto";

export interface DatabaseOptions {
  mode: DatabaseMode;
  /** Directory for the API cache (`api/`) and the exports (`exports/`). */
  cacheDir: string;
  apiUrl: string;
  exportsUrl: string;
  retry?: RetryOptions;
}

export function offlineSource(options: DatabaseOptions, refresh: "auto" | "never" = "auto"): OfflineSource {
  return new OfflineSource({
    base: options.exportsUrl,
    cacheDir: join(options.cacheDir, "exports"),
    refresh,
    ...(options.retry ? { retry: options.retry } : {}),
  });
}

export function onlineSource(options: DatabaseOptions): OnlineSource {
  return new OnlineSource({
    baseUrl: options.apiUrl,
    cacheDir: join(options.cacheDir, "api"),
    ...(options.retry ? { retry: options.retry } : {}),
  });
}

/**
 * Online first; if the first query fails as a whole, later calls go to the cached offline exports and
 * `notices` says so. Records are read from whichever source answered the query.
 */
export class FallbackSource implements VulnerabilitySource {
  readonly name = "osv.dev with offline fallback";
  readonly notices: ScanProblem[] = [];
  private active: VulnerabilitySource;

  constructor(private readonly options: DatabaseOptions) {
    this.active = onlineSource(options);
  }

  async query(packages: readonly PackageQuery[]): Promise<SourceResult> {
    try {
      return await this.active.query(packages);
    } catch (error) {
      if (this.active instanceof OfflineSource) throw error;
      this.active = offlineSource(this.options, "never");
      this.notices.push({
        level: "notice",
        message: `osv.dev (${this.options.apiUrl}) could not be reached (${(error as Error).message}); used the cached offline database in ${join(this.options.cacheDir, "exports")} instead`,
      });
      return this.active.query(packages);
    }
  }

  records(ids: Iterable<string>): Promise<Map<string, OsvRecord>> {
    return this.active.records(ids);
  }
}

export function chooseDatabase(options: DatabaseOptions): VulnerabilitySource & { notices?: ScanProblem[] } {
  if (options.mode === "online") return onlineSource(options);
  if (options.mode === "offline") return offlineSource(options);
  return new FallbackSource(options);
}
