// Source hosting: GitHub, GitLab, Bitbucket, Gitea and CI services.
import { verifyBase62Crc32Token } from "../checksum/base62-crc.js";
import type { SecretRule } from "../rule.js";
import { assignment, rule } from "./define.js";

/** GitHub's prefixed tokens: prefix, 30 random base62 characters, 6-character CRC-32 checksum. */
function githubToken(id: string, prefix: string, description: string, extra = ""): SecretRule {
  return rule({
    id,
    description,
    severity: "critical",
    keywords: [prefix],
    pattern: new RegExp(`\\b(${prefix}[A-Za-z0-9]{36}${extra})\\b`),
    minEntropy: 3.5,
    verify: verifyBase62Crc32Token,
    examples: {
      tp: [`token: «raw:${prefix.slice(0, 3)}»${prefix.slice(3)}«gh:30»`],
      fp: [
        `«raw:${prefix.slice(0, 3)}»${prefix.slice(3)}«a:20»`,
        `«raw:${prefix.slice(0, 3)}»${prefix.slice(3)}«a:37»`,
      ],
    },
  });
}

const GITLAB: [string, string, string, number][] = [
  ["gitlab-personal-access-token", "glpat-", "GitLab personal, project or group access token", 20],
  ["gitlab-deploy-token", "gldt-", "GitLab deploy token", 20],
  ["gitlab-runner-token", "glrt-", "GitLab runner authentication token", 20],
  ["gitlab-pipeline-trigger-token", "glptt-", "GitLab pipeline trigger token", 40],
  ["gitlab-ci-job-token", "glcbt-", "GitLab CI/CD job token", 20],
  ["gitlab-scim-token", "glsoat-", "GitLab SCIM OAuth token", 20],
  ["gitlab-oauth-app-secret", "gloas-", "GitLab OAuth application secret", 64],
  ["gitlab-feed-token", "glft-", "GitLab feed token", 20],
  ["gitlab-incoming-mail-token", "glimt-", "GitLab incoming mail token", 25],
  ["gitlab-agent-token", "glagent-", "GitLab agent for Kubernetes token", 50],
  ["gitlab-feature-flags-token", "glffct-", "GitLab feature flags client token", 20],
];

export const sourceHostingRules: SecretRule[] = [
  githubToken("github-personal-access-token", "ghp_", "GitHub personal access token (classic)"),
  githubToken("github-oauth-token", "gho_", "GitHub OAuth access token"),
  githubToken("github-user-to-server-token", "ghu_", "GitHub App user access token"),
  githubToken("github-server-to-server-token", "ghs_", "GitHub App installation access token"),
  rule({
    id: "github-refresh-token",
    description: "GitHub App refresh token",
    severity: "critical",
    keywords: ["ghr_"],
    pattern: /\b(ghr_[A-Za-z0-9]{36,76})\b/,
    minEntropy: 3.5,
    verify: verifyBase62Crc32Token,
    examples: { tp: ["«raw:ghr»_«gh:30»", "«raw:ghr»_«a:76»"], fp: ["«raw:ghr»_«a:12»"] },
  }),
  rule({
    id: "github-fine-grained-token",
    description: "GitHub fine-grained personal access token",
    severity: "critical",
    keywords: ["github_pat_"],
    pattern: /\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/,
    minEntropy: 4,
    examples: { tp: ["GH_TOKEN=«raw:github»_pat_«a:22»_«a:59»"], fp: ["«raw:github»_pat_«a:22»_«a:20»"] },
  }),
  rule({
    id: "github-oauth-app-client-secret",
    description: "GitHub OAuth or GitHub App client secret",
    severity: "high",
    keywords: ["github"],
    pattern: assignment("github[\\w.-]{0,20}?client[_-]?secret", "[a-f0-9]{40}"),
    examples: { tp: ["GITHUB_CLIENT_SECRET=«h:40»"] },
  }),
  ...GITLAB.map(([id, prefix, description, min]) =>
    rule({
      id,
      description,
      severity: "critical",
      keywords: [prefix],
      // Newer tokens append a routing suffix (".01.xxxxxxxxx"); older ones are the bare random part.
      pattern: new RegExp(
        `(?<![A-Za-z0-9_-])(${prefix}[A-Za-z0-9_-]{${min},80}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{7,10})?)(?![A-Za-z0-9_-])`,
      ),
      minEntropy: 3.5,
      examples: {
        tp: [`«raw:${prefix.slice(0, 2)}»${prefix.slice(2)}«a:${min + 4}»`],
        fp: [`«raw:${prefix.slice(0, 2)}»${prefix.slice(2)}«a:8»`],
      },
    }),
  ),
  rule({
    id: "gitlab-runner-registration-token",
    description: "GitLab runner registration token",
    severity: "high",
    keywords: ["gr1348941"],
    pattern: /\b(GR1348941[A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    examples: { tp: ["«raw:GR1348941»«a:20»"] },
  }),
  rule({
    id: "bitbucket-app-password",
    description: "Bitbucket app password",
    severity: "high",
    keywords: ["atbb"],
    pattern: /\b(ATBB[A-Za-z0-9_=.-]{32})(?![A-Za-z0-9_=.-])/,
    minEntropy: 3.8,
    examples: { tp: ["«raw:ATBB»«a:32»"], fp: ["«raw:ATBB»«a:10»"] },
  }),
  rule({
    id: "bitbucket-access-token",
    description: "Bitbucket repository, project or workspace access token",
    severity: "high",
    keywords: ["atctt3"],
    pattern: /\b(ATCTT3[A-Za-z0-9_=-]{150,})(?![A-Za-z0-9_=-])/,
    minEntropy: 4,
    examples: { tp: ["«raw:ATCTT3»«u:180»"] },
  }),
  rule({
    id: "bitbucket-client-secret",
    description: "Bitbucket OAuth consumer secret",
    severity: "high",
    keywords: ["bitbucket"],
    pattern: assignment("bitbucket[\\w.-]{0,20}?secret", "[A-Za-z0-9_-]{32}"),
    minEntropy: 3.8,
    examples: { tp: ["BITBUCKET_CLIENT_SECRET=«a:32»"] },
  }),
  rule({
    id: "gitea-token",
    description: "Gitea or Forgejo access token",
    severity: "high",
    keywords: ["gitea", "forgejo"],
    pattern: assignment("(?:gitea|forgejo)[\\w.-]{0,20}?token", "[a-f0-9]{40}"),
    examples: { tp: ["GITEA_TOKEN=«h:40»"] },
  }),
  rule({
    id: "circleci-token",
    description: "CircleCI personal API token",
    severity: "high",
    keywords: ["ccipat_"],
    pattern: /\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b/,
    examples: { tp: ["«raw:CCIPAT»_«a:22»_«h:40»"] },
  }),
  rule({
    id: "travis-ci-token",
    description: "Travis CI API token",
    severity: "medium",
    keywords: ["travis"],
    pattern: assignment("travis[\\w.-]{0,20}?token", "[A-Za-z0-9_-]{22}"),
    minEntropy: 3.5,
    examples: { tp: ["TRAVIS_API_TOKEN=«a:22»"] },
  }),
  rule({
    id: "buildkite-token",
    description: "Buildkite API access token",
    severity: "high",
    keywords: ["bkua_"],
    pattern: /\b(bkua_[a-f0-9]{40})\b/,
    examples: { tp: ["«raw:bkua»_«h:40»"] },
  }),
  rule({
    id: "sourcegraph-token",
    description: "Sourcegraph access token",
    severity: "high",
    keywords: ["sgp_"],
    pattern: /\b(sgp_(?:[a-f0-9]{16}_)?[a-f0-9]{40})\b/,
    examples: { tp: ["«raw:sgp»_«h:16»_«h:40»"] },
  }),
];
