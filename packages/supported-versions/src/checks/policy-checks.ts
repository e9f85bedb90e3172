// Checks of the policy itself: that it exists, has a table, and says how to report a vulnerability.
import type { Finding } from "@bulwark/core";
import type { SecurityPolicy } from "@bulwark/security-policy";
import { policyFinding } from "./policy-finding.js";

export function noPolicyFinding(): Finding {
  return policyFinding({
    rule: "no-policy",
    severity: "high",
    title: "No security policy (SECURITY.md)",
    message:
      "No SECURITY.md was found in the repository root, .github/ or docs/. People who find a vulnerability do not know how to report it or which versions are fixed.",
    remediation:
      "Add a SECURITY.md with a Supported Versions table and a private way to report vulnerabilities.",
    // Where GitHub looks first, so annotations and SARIF have a place to point.
    location: { path: "SECURITY.md" },
  });
}

export function checkPolicy(policy: SecurityPolicy): Finding[] {
  const findings: Finding[] = [];
  if (!policy.supportTable) {
    findings.push(
      policyFinding({
        rule: "no-supported-versions-table",
        severity: "medium",
        title: "The security policy has no Supported Versions table",
        message: `${policy.path} does not say which versions receive security fixes.`,
        remediation: 'Add a "## Supported Versions" section with a table: | Version | Supported |.',
        location: { path: policy.path, startLine: 1 },
      }),
    );
  }
  const real = policy.reportingChannels.filter((c) => !c.placeholder);
  if (real.length === 0) {
    const placeholder = policy.reportingChannels.find((c) => c.placeholder);
    findings.push(
      policyFinding({
        rule: "no-reporting-channel",
        severity: "medium",
        title: placeholder
          ? `The only way to report a vulnerability is a placeholder (${placeholder.value})`
          : "The security policy gives no way to report a vulnerability",
        message: placeholder
          ? `${policy.path} line ${placeholder.line} names ${placeholder.value}, a template address nobody reads.`
          : `${policy.path} has no email address, security contact URL or private vulnerability reporting link.`,
        remediation:
          "Give a monitored security email, or enable GitHub private vulnerability reporting and link to /security/advisories/new.",
        location: { path: policy.path, startLine: placeholder?.line ?? 1 },
      }),
    );
  }
  return findings;
}
