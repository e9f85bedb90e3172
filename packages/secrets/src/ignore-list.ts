// Findings a repository has reviewed and accepted. Two files are read:
//  - `.bulwark-secrets-ignore`: one entry per line, `#` comments; an entry is a finding fingerprint
//    (32 hex characters) or a gitleaks-style `path:rule:line` / `commit:path:rule:line`.
//  - `.gitleaksignore`: gitleaks' format, `path:rule:line` or `commit:path:rule:line` fingerprints.
// Rule ids in a .gitleaksignore name gitleaks' rules: the scanner offers each finding's rule id with the
// gitleaks ids of the same rule (gitleaks-rule-ids.ts).

export const IGNORE_FILE_NAME = ".bulwark-secrets-ignore";
export const GITLEAKS_IGNORE_FILE_NAME = ".gitleaksignore";

export interface IgnoreCandidate {
  fingerprint: string;
  path: string;
  ruleIds: readonly string[];
  line: number;
  commit?: string;
}

export class IgnoreList {
  private readonly entries = new Set<string>();

  /** Adds the entries of one ignore file's text. */
  add(text: string): this {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/\s+#.*$/, "").trim();
      if (line === "" || line.startsWith("#")) continue;
      this.entries.add(line.toLowerCase());
    }
    return this;
  }

  /** The normalised entries, to rebuild the list elsewhere (worker threads). */
  list(): string[] {
    return [...this.entries];
  }

  get size(): number {
    return this.entries.size;
  }

  matches(c: IgnoreCandidate): boolean {
    if (this.entries.has(c.fingerprint.toLowerCase())) return true;
    for (const rule of c.ruleIds) {
      const key = `${c.path}:${rule}:${c.line}`.toLowerCase();
      if (this.entries.has(key)) return true;
      if (c.commit && this.entries.has(`${c.commit}:${key}`.toLowerCase())) return true;
    }
    return false;
  }
}
