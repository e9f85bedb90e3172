// The automated checks a policy promises, so each can be matched with the Bulwark action that keeps
// the promise.
export type PromisedCheck = "dependency-scanning" | "secret-scanning" | "sast" | "container-scanning";

export interface Promise_ {
  check: PromisedCheck;
  line: number;
  text: string;
}

const PATTERNS: Record<PromisedCheck, RegExp> = {
  "dependency-scanning":
    /dependency (vulnerability )?scann|dependabot|\bsafety\b|osv-scanner|npm audit|pip-audit|vulnerable dependencies|dependencies are scanned|software composition/i,
  "secret-scanning": /secret (detection|scanning)|trufflehog|gitleaks|detect-secrets|no hardcoded secrets/i,
  sast: /\bsast\b|static (application security testing|analysis)|\bbandit\b|semgrep|codeql|security linting/i,
  "container-scanning": /container (image )?scann|image scanning|\btrivy\b|\bgrype\b|clair\b/i,
};

export function findPromisedChecks(content: string): Promise_[] {
  const found: Promise_[] = [];
  const seen = new Set<PromisedCheck>();
  content.split(/\r?\n/).forEach((text, index) => {
    for (const [check, pattern] of Object.entries(PATTERNS) as [PromisedCheck, RegExp][]) {
      if (seen.has(check) || !pattern.test(text)) continue;
      seen.add(check);
      found.push({ check, line: index + 1, text: text.trim().slice(0, 200) });
    }
  });
  return found;
}
