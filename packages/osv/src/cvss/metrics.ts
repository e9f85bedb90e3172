// Splits a CVSS vector into its metrics. Shared by every CVSS version's scorer.

/**
 * `AV:N/AC:L/...` (after any `CVSS:x.y/` prefix) -> Map of metric -> value. Returns undefined for an
 * empty part, a part without exactly one colon, or a metric given twice (the specifications forbid all three).
 */
export function splitMetrics(body: string): Map<string, string> | undefined {
  const metrics = new Map<string, string>();
  if (body.length === 0) return undefined;
  for (const part of body.split("/")) {
    const colon = part.indexOf(":");
    if (colon <= 0 || colon === part.length - 1 || part.indexOf(":", colon + 1) >= 0) return undefined;
    const key = part.slice(0, colon);
    if (metrics.has(key)) return undefined;
    metrics.set(key, part.slice(colon + 1));
  }
  return metrics;
}

/** Looks every required metric up in its weight table; undefined when one is missing or has an unknown value. */
export function weightsOf<K extends string>(
  metrics: Map<string, string>,
  tables: Record<K, Record<string, number>>,
): Record<K, number> | undefined {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(tables) as K[]) {
    const value = metrics.get(key);
    const weight = value === undefined ? undefined : tables[key][value];
    if (weight === undefined) return undefined;
    out[key] = weight;
  }
  return out;
}
