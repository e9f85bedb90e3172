// CWE identifiers as the tools write them ("CWE-120", "120", "CWE-119!"), normalised to "CWE-120".
export function normaliseCwe(raw: string | number): string | undefined {
  const m = /(\d+)/.exec(String(raw));
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? `CWE-${n}` : undefined;
}

export function cwesIn(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/CWE-(\d+)/g)) found.add(`CWE-${Number(m[1])}`);
  return [...found];
}
