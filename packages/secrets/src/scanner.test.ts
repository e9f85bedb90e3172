import { describe, expect, it } from "vitest";
import { expandExample } from "./examples.js";
import { IgnoreList } from "./ignore-list.js";
import { SecretScanner } from "./scanner.js";

const gh = expandExample("«raw:ghp»_«gh:30»", "scanner-test");
const npm = expandExample("«raw:npm»_«gh:30»", "scanner-test");
const aws = expandExample("«raw:AKIA»«U:16»", "scanner-test");
const awsSecret = expandExample("«a:40»", "scanner-test-aws");

const envFile = [
  "# service settings",
  "PORT=8080",
  `GITHUB_TOKEN=${gh}`,
  `AWS_ACCESS_KEY_ID=${aws}`,
  `AWS_SECRET_ACCESS_KEY=${awsSecret}`,
  `NPM_TOKEN="${npm}" # used by publish`,
].join("\n");

describe("SecretScanner.scanText", () => {
  const scanner = new SecretScanner();

  it("finds each planted secret with rule, line, column and a redacted preview", () => {
    const { findings, secretsForMasking } = scanner.scanText({ path: "deploy/.env", text: envFile });
    expect(findings.map((f) => [f.ruleId, f.location?.startLine])).toEqual([
      ["github-personal-access-token", 3],
      ["aws-access-key-id", 4],
      ["aws-secret-access-key", 5],
      ["npm-access-token", 6],
    ]);
    const ghFinding = findings[0]!;
    expect(ghFinding.location?.startColumn).toBe("GITHUB_TOKEN=".length + 1);
    expect(ghFinding.evidence).toBe("ghp_…(40 chars)");
    expect(ghFinding.properties?.["confirmed"]).toBe(true);
    expect(findings[1]!.properties?.["confirmed"]).toBe(false);
    expect(ghFinding.secret).toBe(gh);
    expect(secretsForMasking.sort()).toEqual([gh, aws, awsSecret, npm].sort());
    const json = JSON.stringify(findings);
    for (const s of [gh, npm, aws, awsSecret]) expect(json).not.toContain(s);
    expect(Object.keys(ghFinding)).not.toContain("secret");
  });

  it("gives fingerprints that ignore the line but not the path", () => {
    const a = scanner.scanText({ path: "a.env", text: `X=1\nTOKEN=${gh}` }).findings[0]!;
    const b = scanner.scanText({ path: "a.env", text: `\n\n\nTOKEN=${gh}` }).findings[0]!;
    const c = scanner.scanText({ path: "b.env", text: `TOKEN=${gh}` }).findings[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it("reports a GitHub-shaped token with a bad checksum as unconfirmed", () => {
    const bad = gh.slice(0, -1) + (gh.endsWith("A") ? "B" : "A");
    const [f] = scanner.scanText({ path: "x.ts", text: `const t = "${bad}";` }).findings;
    expect(f?.ruleId).toBe("github-personal-access-token");
    expect(f?.properties?.["confirmed"]).toBe(false);
  });

  it("numbers lines of a diff hunk from its line numbers", () => {
    const text = ["const a = 1;", `const token = "${gh}";`].join("\n");
    const [f] = scanner.scanText({ path: "src/a.ts", text, lineNumbers: [41, 42] }).findings;
    expect(f?.location?.startLine).toBe(42);
    const [g] = scanner.scanText({ path: "src/a.ts", text, firstLine: 100 }).findings;
    expect(g?.location?.startLine).toBe(101);
  });

  it("stays quiet on placeholders and template variables", () => {
    const text = [
      "GITHUB_TOKEN=${GITHUB_TOKEN}",
      "API_KEY=your_api_key_here",
      'password: "changeme"',
      "secret: {{ .Values.secret }}",
      "aws_secret_access_key = <your-secret-key>",
      "AWS_ACCESS_KEY_ID=AKIA" + "IOSFODNN7EXAMPLE",
      "DB_PASSWORD=xxxxxxxxxxxxxxxx",
      'token = "abcdef1234567890"',
      "postgres://user:password@localhost:5432/app",
      "SECRET_KEY=aaaaaaaaaaaaaaaaaaaaaaaa",
    ].join("\n");
    expect(scanner.scanText({ path: "app/.env.example", text }).findings).toEqual([]);
  });

  it("skips lockfiles and ignores integrity hashes elsewhere", () => {
    const integrity = `"integrity": "sha512-${Buffer.alloc(64, 7).toString("base64")}${expandExample("«a:30»")}"`;
    expect(scanner.scanText({ path: "package-lock.json", text: `TOKEN=${gh}` }).skipped).toBe(
      "allowlisted-path",
    );
    expect(scanner.scanText({ path: "vendor/deps.json", text: integrity }).findings).toEqual([]);
    expect(scanner.scanText({ path: "go.sum", text: "x" }).skipped).toBe("allowlisted-path");
  });

  it("honours inline allow comments", () => {
    const text = `TOKEN=${gh} # bulwark:allow\nOTHER=${npm} // gitleaks:allow\nLAST=${gh}`;
    const found = scanner.scanText({ path: "a.env", text }).findings;
    expect(found.map((f) => f.location?.startLine)).toEqual([3]);
  });

  it("honours a .gitleaksignore written for gitleaks, whose entries name gitleaks' rule ids", () => {
    const lines = scanner
      .scanText({ path: "deploy/.env", text: envFile })
      .findings.map((f) => [f.ruleId, f.location?.startLine]);
    const gh = lines.find(([id]) => id === "github-personal-access-token")!;
    const aws = lines.find(([id]) => id === "aws-access-key-id")!;
    // gitleaks' ids for these rules: github-pat, aws-access-token; the commit-prefixed form as in git mode.
    const ignore = new IgnoreList().add(
      `deploy/.env:github-pat:${gh[1]}\nabc123:deploy/.env:aws-access-token:${aws[1]}\n`,
    );
    const scan = (commit?: string) =>
      new SecretScanner({ ignore })
        .scanText({ path: "deploy/.env", text: envFile, commit })
        .findings.map((f) => f.ruleId);
    expect(scan()).not.toContain("github-personal-access-token");
    expect(scan()).toContain("aws-access-key-id");
    expect(scan("abc123")).not.toContain("aws-access-key-id");
    expect(scan("abc123")).toContain("npm-access-token");
  });

  it("honours ignore entries by fingerprint and by path:rule:line", () => {
    const first = scanner.scanText({ path: "deploy/.env", text: envFile }).findings;
    const ignore = new IgnoreList()
      .add(`# reviewed\n${first[0]!.fingerprint}  # rotated already\n`)
      .add("deploy/.env:aws-access-key-id:4\n");
    const again = new SecretScanner({ ignore }).scanText({ path: "deploy/.env", text: envFile }).findings;
    expect(again.map((f) => f.ruleId)).toEqual(["aws-secret-access-key", "npm-access-token"]);
  });

  it("lowers severity in test paths by default, and can skip or keep them", () => {
    const text = `TOKEN=${gh}`;
    const [lowered] = scanner.scanText({ path: "src/__tests__/auth.test.ts", text }).findings;
    expect(lowered?.severity).toBe("low");
    expect(lowered?.properties?.["testFixture"]).toBe(true);
    const skip = new SecretScanner({ testPaths: { mode: "skip" } });
    expect(skip.scanText({ path: "test/fixtures/a.env", text }).skipped).toBe("test-path");
    const keep = new SecretScanner({ testPaths: { mode: "keep" } });
    expect(keep.scanText({ path: "test/a.env", text }).findings[0]?.severity).toBe("critical");
  });

  it("skips binary, minified and oversized texts", () => {
    expect(scanner.scanText({ path: "a.bin", text: `\0\0TOKEN=${gh}` }).skipped).toBe("binary");
    const minified = `var a=1;${"x=1;".repeat(2000)}var t="${gh}";`;
    expect(scanner.scanText({ path: "dist/app.js", text: minified }).skipped).toBe("minified");
    const small = new SecretScanner({ maxBytes: 100 });
    expect(small.scanText({ path: "a.txt", text: `${" ".repeat(200)}${gh}` }).skipped).toBe("too-large");
  });

  it("reports a token once, by its provider rule rather than a generic one", () => {
    const found = scanner.scanText({ path: "a.env", text: `API_TOKEN="${gh}"` }).findings;
    expect(found.map((f) => f.ruleId)).toEqual(["github-personal-access-token"]);
  });

  it("applies global allowlists and disabled rules", () => {
    const allow = new SecretScanner({ allowlist: { stopwords: [gh.slice(4, 12)] } });
    expect(allow.scanText({ path: "a.env", text: `T=${gh}` }).findings).toEqual([]);
    const paths = new SecretScanner({ allowlist: { paths: ["docs/**"] } });
    expect(paths.scanText({ path: "docs/setup.md", text: `T=${gh}` }).skipped).toBe("allowlisted-path");
    const disabled = new SecretScanner({ disabledRules: ["github-personal-access-token"] });
    expect(disabled.scanText({ path: "a.ts", text: `x(${gh})` }).findings).toEqual([]);
  });
});
