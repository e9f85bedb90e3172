// What one detection rule is: a documented credential format, written as data the engine compiles.
import type { Severity } from "@bulwark/core";

/** Result of a format check (checksum, structure decode) on a candidate secret. */
export type Verdict = "confirmed" | "invalid" | "unchecked";

export interface RuleAllowlist {
  /** A candidate matching any of these (tested against the secret) is dropped. */
  regexes?: RegExp[];
  /** A candidate whose secret contains any of these (case-insensitive) is dropped. */
  stopwords?: string[];
  /** Tested against the whole match (secret plus context), for context-dependent allowlisting. */
  matchRegexes?: RegExp[];
  /** Paths (relative, forward slashes) this rule does not scan. */
  paths?: RegExp[];
}

export interface SecretRule {
  id: string;
  description: string;
  severity: Severity;
  /** Lowercase substrings; the rule's regex runs only on text containing one. Empty: always runs. */
  keywords: string[];
  /** The detection pattern; flags other than i/m/s/u are ignored ("g" is added by the engine). */
  pattern: RegExp;
  /** Capture group holding the secret (0 = whole match). Default 1 when the pattern has groups. */
  secretGroup?: number;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  minEntropy?: number;
  allowlist?: RuleAllowlist;
  /** Only scan paths matching this (tested against the forward-slash relative path). */
  path?: RegExp;
  /** Checksum or structure check; "invalid" drops the candidate, "confirmed" marks the finding. */
  verify?: (secret: string) => Verdict;
  /**
   * Every match starts where one of `keywords` occurs (case-insensitively), or else has a match of the
   * same secret starting at a keyword inside it. The engine then runs the regex only at the keyword
   * positions the prefilter found, instead of over the whole text (for rules whose keywords are common
   * words such as "token", most of the scan's regex time). Tests check the results are the same.
   */
  anchoredAtKeywords?: boolean;
  /** Skip the shared placeholder filter (for rules whose secret is structured, e.g. key blocks). */
  noPlaceholderFilter?: boolean;
  /**
   * Example templates the test suite expands (see examples.ts) and runs: every `tp` must be found by
   * this rule, no `fp` may be. Templates keep token-shaped literals out of the repository. `path` is
   * the path the examples are scanned as (default `config/app.env`).
   */
  examples: { tp: string[]; fp: string[]; path?: string };
  remediation?: string;
}
