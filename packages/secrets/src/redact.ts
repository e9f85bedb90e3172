// The only view of a secret that may leave the engine: a short prefix (which for most formats is the
// public type marker, e.g. "ghp_") and the length. Short secrets show no characters at all.
export function redact(secret: string): string {
  const length = [...secret].length;
  const shown = length >= 16 ? [...secret].slice(0, 4).join("") : "";
  return `${shown}…(${length} chars)`;
}
