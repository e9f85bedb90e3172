// The distribution of an image from /etc/os-release (or /usr/lib/os-release), and its OSV ecosystem name.

export interface OsInfo {
  id: string;
  versionId?: string;
  prettyName?: string;
  versionCodename?: string;
  /** OSV ecosystem for its packages ("Debian:12", "Ubuntu:22.04:LTS", "Alpine:v3.20"); undefined when unknown. */
  ecosystem?: string;
}

/** Parses the shell-like KEY=value lines of os-release(5). */
export function parseOsRelease(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    let value = line.slice(eq + 1);
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\([\\$"`])/g, "$1");
    }
    values[key] = value;
  }
  return values;
}

export function osInfoFromRelease(text: string): OsInfo {
  const values = parseOsRelease(text);
  const info: OsInfo = { id: (values.ID ?? "linux").toLowerCase() };
  if (values.VERSION_ID) info.versionId = values.VERSION_ID;
  if (values.PRETTY_NAME) info.prettyName = values.PRETTY_NAME;
  if (values.VERSION_CODENAME) info.versionCodename = values.VERSION_CODENAME;
  const ecosystem = osvEcosystem(info.id, info.versionId);
  if (ecosystem) info.ecosystem = ecosystem;
  return info;
}

/**
 * OSV names: Debian by major release, Ubuntu by release with ":LTS" for even-year .04s, Alpine by
 * v-major.minor, AlmaLinux / Rocky Linux / Mageia by major release, openSUSE Leap by release.
 */
export function osvEcosystem(id: string, versionId: string | undefined): string | undefined {
  if (!versionId) return undefined;
  switch (id) {
    case "debian": {
      const major = /^\d+/.exec(versionId)?.[0];
      return major ? `Debian:${major}` : undefined;
    }
    case "ubuntu": {
      const m = /^(\d+)\.(\d+)/.exec(versionId);
      if (!m?.[1] || !m[2]) return undefined;
      const lts = Number(m[1]) % 2 === 0 && m[2] === "04";
      return `Ubuntu:${m[1]}.${m[2]}${lts ? ":LTS" : ""}`;
    }
    case "alpine": {
      const m = /^(\d+)\.(\d+)/.exec(versionId);
      return m ? `Alpine:v${m[1]}.${m[2]}` : undefined;
    }
    // rpm distributions with OSV advisories of their own (Fedora, RHEL, Amazon Linux have none by release).
    case "almalinux":
    case "rocky":
    case "mageia": {
      const major = /^\d+/.exec(versionId)?.[0];
      const name = { almalinux: "AlmaLinux", rocky: "Rocky Linux", mageia: "Mageia" }[id];
      return major ? `${name}:${major}` : undefined;
    }
    case "opensuse-leap":
      return /^\d+\.\d+$/.test(versionId) ? `openSUSE:Leap ${versionId}` : undefined;
    default:
      return undefined;
  }
}
