// OSV ecosystem strings may carry a release suffix after the first colon ("Debian:12", "Alpine:v3.20",
// "Ubuntu:22.04:LTS", "Red Hat:enterprise_linux:9::appstream"); the ordering depends only on the base.

/** The ecosystem without its release suffix: `Debian:12` -> `Debian`, `Rocky Linux:9` -> `Rocky Linux`. */
export function ecosystemFamily(ecosystem: string): string {
  const colon = ecosystem.indexOf(":");
  return (colon < 0 ? ecosystem : ecosystem.slice(0, colon)).trim();
}
