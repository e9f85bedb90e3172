// The detection engine: compiles rules once, then scans text (a file, or a diff hunk's added lines).
// Per text: one Aho-Corasick pass picks the rules whose keywords occur, only those rules' regexes run,
// and every candidate passes entropy, placeholder, allowlist, checksum and ignore checks.
import { isAscii, isUtf8 } from "node:buffer";
import { createHash } from "node:crypto";
import { fingerprint, type Finding, type Severity } from "@bulwark/core";
import { KeywordMatcher, type KeywordPositions } from "./aho-corasick.js";
import { hasCapturingGroup } from "./capturing-group.js";
import { shannonEntropy } from "./entropy.js";
import { ignoreRuleIds } from "./gitleaks-rule-ids.js";
import type { IgnoreList } from "./ignore-list.js";
import { DEFAULT_PATH_ALLOWLIST, DEFAULT_TEST_PATHS, globMatcher, type TestPathMode } from "./path-policy.js";
import { placeholderReason } from "./placeholder.js";
import { redact } from "./redact.js";
import type { SecretRule } from "./rule.js";
import { builtinRules } from "./rules/index.js";
import { startsAtKeyword } from "./keyword-start.js";
import { hasLongByteLine, hasLongLine } from "./long-line.js";
import { LineIndex, type TextInput } from "./text-input.js";
import { bytePositionsToUtf16 } from "./utf16-offsets.js";

export const TOOL = "secret-scan";

/** A finding whose secret value is reachable only in memory: `secret` is not enumerable. */
export interface SecretFinding extends Finding {
  readonly secret: string;
}

export type SkipReason = "binary" | "too-large" | "minified" | "allowlisted-path" | "test-path";

export interface TextScanResult {
  findings: SecretFinding[];
  /** Every secret found, for the runner's log masking. Never serialise this. */
  secretsForMasking: string[];
  /** Set when the text was not scanned at all. */
  skipped?: SkipReason;
}

export interface GlobalAllowlist {
  /** Globs over the relative path; matching files are not scanned. Added to the defaults. */
  paths?: string[];
  /** Regexes over the relative path (gitleaks' form of path allowlists). */
  pathRegexes?: RegExp[];
  /** Tested against each secret. */
  regexes?: RegExp[];
  /** Case-insensitive substrings of a secret. */
  stopwords?: string[];
}

export interface ScannerOptions {
  /** Rules to use (default: every built-in rule). */
  rules?: readonly SecretRule[];
  /** Rules added to `rules` (custom rules from config). */
  extraRules?: readonly SecretRule[];
  /** Rule ids left out. */
  disabledRules?: readonly string[];
  allowlist?: GlobalAllowlist;
  /** Replace the default lockfile/minified/vendor path allowlist instead of adding to it. */
  replaceDefaultPathAllowlist?: boolean;
  /** Test-path handling (default: "lower" with DEFAULT_TEST_PATHS). */
  testPaths?: { mode?: TestPathMode; globs?: string[] };
  ignore?: IgnoreList;
  /** Texts larger than this are skipped (default 10 MiB). */
  maxBytes?: number;
  /** Matches on lines longer than this are dropped; a js/css/json text with such a line is minified (default 4000). */
  maxLineLength?: number;
  /** Commit the text comes from, for commit-prefixed ignore entries. */
  commit?: string;
  /**
   * Run rules only at keyword positions where their matches must start (`anchoredAtKeywords`, or a
   * pattern that begins with a keyword: see keyword-start.ts). Default true; false for comparison.
   */
  anchoring?: boolean;
}

interface CompiledRule {
  rule: SecretRule;
  re: RegExp;
  group: number;
  generic: boolean;
  /** Sticky copy of `re` and the rule's keyword ids, when it runs only at keyword positions. */
  anchored?: { sticky: RegExp; keywordIds: number[] };
}

const INLINE_ALLOW = /\b(?:bulwark|gitleaks):allow\b/;
const INTEGRITY_BEFORE = /(?:sha(?:1|256|384|512)-|h1:)$/;
/** Bytes at the start of a file in which a NUL marks it binary (as git decides). */
const BINARY_PROBE_BYTES = 8192;
const MINIFIABLE = /\.(?:m?js|cjs|css|json|svg|html?)$/i;
/** Keywords must be printable ASCII so the prefilter can run over undecoded bytes; a rule with others always runs. */
const ASCII = /^[ -~]*$/;

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export class SecretScanner {
  readonly rules: readonly SecretRule[];
  private readonly compiled: CompiledRule[];
  private readonly matcher: KeywordMatcher;
  /** keyword id -> indices into `compiled`. */
  private readonly keywordRules: number[][] = [];
  private readonly alwaysRun: number[] = [];
  /** Keywords whose positions anchored rules need; undefined when no rule is anchored. */
  private readonly anchorWanted: Uint8Array | undefined;
  private readonly pathAllowed: (p: string) => boolean;
  private readonly isTestPath: (p: string) => boolean;
  private readonly testMode: TestPathMode;
  readonly maxBytes: number;
  private readonly maxLineLength: number;

  constructor(private readonly options: ScannerOptions = {}) {
    const disabled = new Set(options.disabledRules ?? []);
    this.rules = [...(options.rules ?? builtinRules), ...(options.extraRules ?? [])].filter(
      (r) => !disabled.has(r.id),
    );
    // Specific rules claim their spans before generic ones, so a token is reported once, by its format.
    const ordered = [...this.rules].sort((a, b) => Number(isGeneric(a)) - Number(isGeneric(b)));
    this.compiled = ordered.map((rule) => {
      const flags = rule.pattern.flags.replace(/[gyd]/g, "");
      const re = new RegExp(rule.pattern.source, `${flags}gd`);
      const group = rule.secretGroup ?? (hasCapturingGroup(rule.pattern.source) ? 1 : 0);
      return { rule, re, group, generic: isGeneric(rule) };
    });
    const keywordIds = new Map<string, number>();
    this.compiled.forEach((c, i) => {
      if (c.rule.keywords.length === 0 || !c.rule.keywords.every((k) => ASCII.test(k))) {
        this.alwaysRun.push(i);
        return;
      }
      for (const kw of c.rule.keywords) {
        const k = kw.toLowerCase();
        let id = keywordIds.get(k);
        if (id === undefined) {
          id = keywordIds.size;
          keywordIds.set(k, id);
          this.keywordRules.push([]);
        }
        this.keywordRules[id]!.push(i);
      }
    });
    this.matcher = new KeywordMatcher([...keywordIds.keys()]);
    const anchoring = options.anchoring ?? true;
    let wanted: Uint8Array | undefined;
    for (const [i, c] of this.compiled.entries()) {
      if (!anchoring || this.alwaysRun.includes(i)) continue;
      if (!c.rule.anchoredAtKeywords && !startsAtKeyword(c.rule.pattern, c.rule.keywords)) continue;
      const ids = c.rule.keywords.map((k) => keywordIds.get(k.toLowerCase())!);
      wanted ??= new Uint8Array(keywordIds.size);
      for (const id of ids) wanted[id] = 1;
      c.anchored = { sticky: new RegExp(c.re.source, `${c.re.flags.replace("g", "")}y`), keywordIds: ids };
    }
    this.anchorWanted = wanted;
    const pathGlobs = [
      ...(options.replaceDefaultPathAllowlist ? [] : DEFAULT_PATH_ALLOWLIST),
      ...(options.allowlist?.paths ?? []),
    ];
    this.pathAllowed = globMatcher(pathGlobs);
    this.testMode = options.testPaths?.mode ?? "lower";
    this.isTestPath = globMatcher(options.testPaths?.globs ?? DEFAULT_TEST_PATHS);
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.maxLineLength = options.maxLineLength ?? 4000;
  }

  /** Why a path is not scanned at all, before reading it; undefined when it is scanned. */
  pathSkipReason(path: string): SkipReason | undefined {
    if (this.pathAllowed(path) || this.options.allowlist?.pathRegexes?.some((r) => r.test(path)))
      return "allowlisted-path";
    if (this.testMode === "skip" && this.isTestPath(path)) return "test-path";
    return undefined;
  }

  /** Why this content is not scanned (binary, too large, minified), or undefined. */
  contentSkipReason(path: string, text: string): SkipReason | undefined {
    if (text.length > this.maxBytes) return "too-large";
    if (text.slice(0, BINARY_PROBE_BYTES).includes("\0")) return "binary";
    if (MINIFIABLE.test(path) && hasLongLine(text, this.maxLineLength)) return "minified";
    return undefined;
  }

  scanText(input: TextInput): TextScanResult {
    const skip = this.pathSkipReason(input.path) ?? this.contentSkipReason(input.path, input.text);
    if (skip) return { findings: [], secretsForMasking: [], skipped: skip };
    return this.scanUnchecked(input);
  }

  /**
   * Scans a file's undecoded bytes: the content skips and the keyword prefilter run on the bytes, and the
   * text is decoded only when some rule's keyword occurs (most files of a source tree have none).
   */
  scanBytes(path: string, bytes: Buffer): TextScanResult {
    const skip = this.pathSkipReason(path) ?? this.byteSkipReason(path, bytes);
    if (skip) return { findings: [], secretsForMasking: [], skipped: skip };
    const at = this.positionsWanted();
    const selected = this.selectRules(this.matcher.findInBytes(bytes, at));
    if (selected.length === 0) return { findings: [], secretsForMasking: [] };
    // latin1 decoding is a copy, and for ASCII (most source) gives the same string as UTF-8, so byte
    // offsets are string offsets.
    if (isAscii(bytes)) return this.scanSelected({ path, text: bytes.toString("latin1") }, selected, at);
    // Otherwise the keyword positions are carried over to string offsets (valid UTF-8), or found again
    // in the decoded text: either is far cheaper than running the anchored rules over the whole text.
    const text = bytes.toString("utf8");
    if (!at) return this.scanSelected({ path, text }, selected);
    if (isUtf8(bytes)) {
      bytePositionsToUtf16(text, at);
      return this.scanSelected({ path, text }, selected, at);
    }
    const again = this.positionsWanted()!;
    this.matcher.find(text, again);
    return this.scanSelected({ path, text }, selected, again);
  }

  /**
   * What the first bytes of a file already show (binary: a NUL in the first 8 KiB; minified: a line
   * longer than the limit in them), so the rest need not be read; the same verdict byteSkipReason gives
   * the whole file.
   */
  headSkipReason(path: string, head: Uint8Array): SkipReason | undefined {
    if (head.subarray(0, BINARY_PROBE_BYTES).includes(0)) return "binary";
    if (MINIFIABLE.test(path) && hasLongByteLine(head, this.maxLineLength)) return "minified";
    return undefined;
  }

  /** contentSkipReason for bytes not yet decoded. */
  byteSkipReason(path: string, bytes: Uint8Array): SkipReason | undefined {
    if (bytes.length > this.maxBytes) return "too-large";
    if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return "binary";
    if (MINIFIABLE.test(path) && hasLongByteLine(bytes, this.maxLineLength)) return "minified";
    return undefined;
  }

  /** Scans without path/content skip checks (the caller has made them). */
  scanUnchecked(input: TextInput): TextScanResult {
    const at = this.positionsWanted();
    const selected = this.selectRules(this.matcher.find(input.text, at));
    if (selected.length === 0) return { findings: [], secretsForMasking: [] };
    return this.scanSelected(input, selected, at);
  }

  private positionsWanted(): KeywordPositions | undefined {
    return this.anchorWanted ? { wanted: this.anchorWanted, starts: [] } : undefined;
  }

  /** Indices into `compiled`, in claim order, of the rules to run given the keywords found. */
  private selectRules(keywords: readonly number[]): number[] {
    if (keywords.length === 0) return this.alwaysRun;
    const on = new Uint8Array(this.compiled.length);
    for (const r of this.alwaysRun) on[r] = 1;
    for (const kw of keywords) for (const r of this.keywordRules[kw]!) on[r] = 1;
    const selected: number[] = [];
    for (let r = 0; r < on.length; r++) if (on[r] === 1) selected.push(r);
    return selected;
  }

  /**
   * Calls `found` with the rule's matches, left to right, without overlaps: as a global regex scan
   * finds them. A callback, not a generator, and no merged copy of the positions when the rule's
   * keywords occurred under one keyword only: this runs for every selected rule of every file.
   */
  private forEachMatch(
    c: CompiledRule,
    text: string,
    at: KeywordPositions | undefined,
    found: (m: RegExpExecArray) => void,
  ): void {
    if (c.anchored && at) {
      let starts: number[] | undefined;
      let merged = false;
      for (const id of c.anchored.keywordIds) {
        const list = at.starts[id];
        if (!list) continue;
        if (!starts) starts = list;
        else {
          starts = merged ? starts.concat(list) : [...starts, ...list];
          merged = true;
        }
      }
      if (!starts) return;
      if (merged) starts.sort((a, b) => a - b);
      const re = c.anchored.sticky;
      let end = 0;
      for (const p of starts) {
        if (p < end) continue;
        re.lastIndex = p;
        const m = re.exec(text);
        if (m === null || m[0].length === 0) continue;
        end = p + m[0].length;
        found(m);
      }
      return;
    }
    c.re.lastIndex = 0;
    for (let m = c.re.exec(text); m !== null; m = c.re.exec(text)) {
      if (m[0].length === 0) {
        c.re.lastIndex++;
        continue;
      }
      found(m);
    }
  }

  private scanSelected(input: TextInput, selected: readonly number[], at?: KeywordPositions): TextScanResult {
    const { text, path } = input;
    const findings: SecretFinding[] = [];
    const lines = new LineIndex(input);
    const claimed: [number, number][] = [];
    // Looked up on the first finding only: most texts have none.
    let isTest: boolean | undefined;
    for (const index of selected) {
      const c = this.compiled[index]!;
      if (c.rule.path && !c.rule.path.test(path)) continue;
      if (c.rule.allowlist?.paths?.some((r) => r.test(path))) continue;
      this.forEachMatch(c, text, at, (m) => {
        const secret = m[c.group];
        const span = m.indices?.[c.group];
        if (secret === undefined || secret === "" || !span) return;
        const [start, end] = span;
        if (claimed.some(([s, e]) => start < e && s < end)) return;
        const verdict = this.accept(c, secret, m[0], text, start);
        if (verdict === undefined) return;
        const li = lines.lineIndexOf(start);
        const lineText = lines.lineText(li);
        if (lineText.length > this.maxLineLength && !c.rule.noPlaceholderFilter) return;
        // Claimed even when allowed or ignored below, so a generic rule does not report it instead.
        claimed.push([start, end]);
        const endLi = lines.lineIndexOf(end - 1);
        if (INLINE_ALLOW.test(lineText) || (endLi !== li && INLINE_ALLOW.test(lines.lineText(endLi)))) return;
        const line = lines.lineNumber(li);
        const fp = fingerprint(TOOL, c.rule.id, path, sha256(secret));
        if (
          this.options.ignore?.matches({
            fingerprint: fp,
            path,
            ruleIds: ignoreRuleIds(c.rule.id),
            line,
            commit: input.commit ?? this.options.commit,
          })
        )
          return;
        findings.push(
          makeFinding(c.rule, secret, {
            path,
            line,
            endLine: lines.lineNumber(endLi),
            column: lines.column(start, li),
            endColumn: lines.column(end, endLi),
            fingerprint: fp,
            confirmed: verdict === "confirmed",
            testFixture: (isTest ??= this.testMode === "lower" && this.isTestPath(path)),
          }),
        );
      });
    }
    findings.sort(
      (a, b) =>
        (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
        (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0),
    );
    return { findings, secretsForMasking: [...new Set(findings.map((f) => f.secret))] };
  }

  /** The candidate's verdict if it is kept, undefined when it is dropped. */
  private accept(
    c: CompiledRule,
    secret: string,
    match: string,
    text: string,
    start: number,
  ): "confirmed" | "unchecked" | undefined {
    const { rule } = c;
    if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return undefined;
    if (!rule.noPlaceholderFilter && placeholderReason(secret) !== undefined) return undefined;
    if (INTEGRITY_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return undefined;
    const lower = secret.toLowerCase();
    const allow = rule.allowlist;
    if (allow?.regexes?.some((r) => r.test(secret))) return undefined;
    if (allow?.stopwords?.some((w) => lower.includes(w.toLowerCase()))) return undefined;
    if (allow?.matchRegexes?.some((r) => r.test(match))) return undefined;
    const global = this.options.allowlist;
    if (global?.regexes?.some((r) => r.test(secret))) return undefined;
    if (global?.stopwords?.some((w) => lower.includes(w.toLowerCase()))) return undefined;
    const verdict = rule.verify?.(secret) ?? "unchecked";
    return verdict === "invalid" ? undefined : verdict;
  }
}

function isGeneric(rule: SecretRule): boolean {
  return rule.id.startsWith("generic-");
}

interface Placement {
  path: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  fingerprint: string;
  confirmed: boolean;
  testFixture: boolean;
}

function makeFinding(rule: SecretRule, secret: string, at: Placement): SecretFinding {
  const severity: Severity = at.testFixture ? "low" : rule.severity;
  const preview = redact(secret);
  const finding: Finding = {
    tool: TOOL,
    ruleId: rule.id,
    title: `${rule.description} in ${at.path}`,
    message:
      `${rule.description} found at ${at.path}:${at.line} (${preview})` +
      `${at.confirmed ? "; its checksum or structure is valid, so it is very likely real" : ""}` +
      `${at.testFixture ? "; the path looks like test data, so severity is lowered" : ""}.`,
    severity,
    location: {
      path: at.path,
      startLine: at.line,
      endLine: at.endLine,
      startColumn: at.column,
      endColumn: at.endColumn,
    },
    fingerprint: at.fingerprint,
    evidence: preview,
    remediation:
      rule.remediation ??
      "Revoke or rotate the credential at its provider first, then remove it from the code and its history.",
    properties: {
      confirmed: at.confirmed,
      ...(at.testFixture ? { testFixture: true, ruleSeverity: rule.severity } : {}),
    },
  };
  Object.defineProperty(finding, "secret", { value: secret, enumerable: false });
  return finding as SecretFinding;
}

/** Convenience: scan one text with a scanner built from options (build a SecretScanner to reuse). */
export function scanText(input: TextInput, options?: ScannerOptions): TextScanResult {
  return new SecretScanner(options).scanText(input);
}
