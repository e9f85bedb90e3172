// Formats that belong to no one provider: credentials inside URLs and connection strings, JWTs,
// Kubernetes Secret manifests, and passwords/secrets/keys assigned in config and .env files.
// Rules with ids starting "generic-" yield to provider rules that match the same text.
import { verifyJwt } from "../checksum/jwt.js";
import type { SecretRule } from "../rule.js";
import { rule } from "./define.js";

/** Passwords people use in documentation and local setups rather than in production. */
const URL_PASSWORD_STOPWORDS = ["password", "passwd", "pass", "pwd", "secret", "user", "username"];

/** `scheme://user:password@host`; the password is the secret. */
function urlCredentialRule(id: string, schemes: string, description: string, keywords: string[]): SecretRule {
  const host = "[A-Za-z0-9.-]+";
  return rule({
    id,
    description,
    severity: "high",
    keywords,
    pattern: new RegExp(
      `\\b(?:${schemes})://[^\\s:@/"'\`<>]{1,64}:([^\\s@/"'\`<>]{3,128})@(?:${host}|\\[[0-9a-fA-F:]+\\])`,
      "i",
    ),
    minEntropy: 2.5,
    allowlist: { stopwords: URL_PASSWORD_STOPWORDS, regexes: [/^\$|^%[A-Z_]+%$|^\*+$/] },
    examples: {
      // One per scheme keyword: a scheme the prefilter did not know would never be scanned.
      tp: keywords.map((k) => `url = "${k}svc_«l:6»:«a:20»@db.internal:5432/app"`),
      fp: [
        `${keywords[0]}user:password@localhost/db`,
        `${keywords[0]}app:\${DB_PASSWORD}@db/app`,
        `${keywords[0]}db.internal/app`,
      ],
    },
  });
}

/** Names whose value is a credential. */
const SECRET_NAMES =
  "passw(?:or)?d|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|client[_-]?secret|credentials?|signing[_-]?key|encryption[_-]?key";

/** Prefilter words of the two assignment rules, which look for the same names in different files. */
const SECRET_KEYWORDS = [
  "passw",
  "pwd",
  "secret",
  "token",
  "api_key",
  "api-key",
  "apikey",
  "access_key",
  "access-key",
  "accesskey",
  "auth_key",
  "auth-key",
  "authkey",
  "private_key",
  "private-key",
  "privatekey",
  "credential",
  "signing_key",
  "signing-key",
  "signingkey",
  "encryption_key",
  "encryption-key",
  "encryptionkey",
];

/** Values that are code or configuration references rather than literal secrets. */
const NOT_A_LITERAL = [
  /^(?:true|false|null|nil|none|undefined|required|optional)$/i,
  // Identifiers and dotted references without digits: PASSWORD_FIELD, config.secret, process.env.X.
  /^[A-Za-z_][A-Za-z_.-]*$/,
  /^(?:process\.env|os\.environ|os\.getenv|env\.|secrets\.|vars\.|config\.|settings\.|self\.|this\.)/i,
  /^[0-9]+$/,
  // Package-manager dependency specifiers: "@org/secret-store": "workspace:*", "npm:x@^1", "file:../x".
  /^(?:workspace|npm|file|link|portal|patch|catalog|github|git\+[a-z]+|jsr):/i,
  // Query strings and interpolation markers.
  /^[?&$%@!]/,
  // File paths and URLs are references to where a secret lives.
  /^(?:\.{0,2}\/|~\/|[a-z]+:\/\/)/i,
  /^[A-Za-z0-9_.-]+\.(?:pem|key|json|txt|crt|p12|pfx|env|ya?ml)$/i,
];

export const genericRules: SecretRule[] = [
  urlCredentialRule(
    "generic-postgres-url-password",
    "postgres(?:ql)?",
    "PostgreSQL connection URL with a password",
    ["postgres://", "postgresql://"],
  ),
  urlCredentialRule(
    "generic-mysql-url-password",
    "mysql|mariadb|mysqlx",
    "MySQL/MariaDB connection URL with a password",
    ["mysql://", "mariadb://", "mysqlx://"],
  ),
  urlCredentialRule(
    "generic-mongodb-url-password",
    "mongodb(?:\\+srv)?",
    "MongoDB connection URL with a password",
    ["mongodb://", "mongodb+srv://"],
  ),
  urlCredentialRule("generic-redis-url-password", "rediss?", "Redis connection URL with a password", [
    "redis://",
    "rediss://",
  ]),
  urlCredentialRule("generic-amqp-url-password", "amqps?", "AMQP (RabbitMQ) connection URL with a password", [
    "amqp://",
    "amqps://",
  ]),
  urlCredentialRule(
    "generic-http-basic-auth-url",
    "https?|ftp|ftps|sftp|smtp|smtps|ldap|ldaps",
    "URL with embedded basic-auth credentials",
    ["https://", "http://", "ftp://", "ftps://", "sftp://", "smtp://", "smtps://", "ldap://", "ldaps://"],
  ),
  rule({
    id: "generic-odbc-connection-string-password",
    description: "Connection string with a password (ADO.NET/ODBC/JDBC)",
    severity: "high",
    keywords: ["password=", "pwd="],
    pattern:
      /(?:Server|Data Source|Host|jdbc:[a-z]+:)[^\n]{0,200}?;\s*(?:Password|Pwd)\s*=\s*([^;"'\s]{6,128})/i,
    minEntropy: 2.8,
    allowlist: { stopwords: ["password", "******"], regexes: [/^[${%]/] },
    examples: {
      tp: ["Server=db.internal;Database=app;User Id=svc;Password=«a:20»;"],
      fp: ["Server=db;Database=app;User Id=sa;Password=${DB_PASSWORD};"],
    },
  }),
  rule({
    id: "generic-jwt",
    description: "JSON Web Token",
    severity: "medium",
    keywords: ["eyj"],
    pattern:
      /\b(eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{16,1000})(?![A-Za-z0-9_-])/,
    minEntropy: 4,
    verify: verifyJwt,
    examples: {
      tp: ["Authorization: Bearer «jwt»"],
      fp: ["«raw:eyJ»«u:20».«raw:eyJ»«u:20».«u:30»"],
    },
  }),
  rule({
    id: "generic-kubernetes-secret",
    description: "Kubernetes Secret manifest with data",
    severity: "high",
    keywords: ["kind: secret", "kind: 'secret'", 'kind: "secret"'],
    path: /\.ya?ml$/i,
    // The first non-empty value under data: (base64) or stringData: (plain) in a document that says
    // kind: Secret before it.
    pattern:
      /^kind:\s*["']?Secret["']?\s*$[\s\S]{0,4000}?^(?:data|stringData):[ \t]*\r?\n(?:[ \t]{1,40}#[^\n]{0,500}\n){0,20}[ \t]+[\w.-]+:[ \t]*["']?([A-Za-z0-9+/=_.@:-]{8,})["']?[ \t]*$/m,
    minEntropy: 3,
    examples: {
      tp: [
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: demo\ntype: Opaque\ndata:\n  password: «b64:24»\n",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: demo\nstringData:\n  token: «a:32»\n",
      ],
      fp: [
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  password: «b64:24»\n",
        "kind: Secret\ndata:\n  password: ${PASSWORD}\n",
      ],
      path: "deploy/secret.yaml",
    },
  }),
  rule({
    id: "generic-authorization-header",
    description: "Hard-coded Authorization header credential",
    severity: "medium",
    keywords: ["authorization"],
    pattern: /authorization["']?\s*[:=,]\s*["'`]?(?:Bearer|Basic|Token)\s+([A-Za-z0-9_.~+/=-]{20,})/i,
    minEntropy: 3.8,
    examples: { tp: ['headers: { Authorization: "Bearer «a:40»" }'], fp: ["Authorization: Bearer ${TOKEN}"] },
  }),
  rule({
    id: "generic-secret-assignment",
    description: "Password, secret or key assigned a quoted literal",
    severity: "medium",
    keywords: SECRET_KEYWORDS,
    // Every name starts with a keyword ("client_secret" matches again from "secret", same value).
    anchoredAtKeywords: true,
    // NAME = "value" in code, "name": "value" in JSON, name: 'value' in YAML. Code assigns expressions
    // too (secretKey = cfg.secretKey), so in any file only a quoted literal counts.
    pattern: new RegExp(
      `(?:${SECRET_NAMES})[A-Za-z0-9_.-]{0,24}["']?[ \\t]{0,4}(?::=|=>|=|:)[ \\t]{0,4}(["'\`])([^\\s"'\`]{8,200})\\1`,
      "i",
    ),
    secretGroup: 2,
    minEntropy: 3.2,
    allowlist: { regexes: NOT_A_LITERAL },
    examples: {
      tp: ['DB_PASSWORD="«a:16»"', "  client_secret: '«a:24»'", '{"apiToken": "«a:32»"}'],
      fp: [
        "password = os.environ['DB_PASSWORD']",
        '"@acme/secret-store": "workspace:*"',
        'API_KEY="${API_KEY}"',
        'password: "changeme"',
        'api_key = "your_api_key_here"',
        'password = "abcdef123456"',
        'SECRET_KEY="xxxxxxxxxxxxxxxxxxxx"',
        'token_type: "bearer_token_type"',
        'private_key_path: "./keys/app.pem"',
        'const tokenQuery = "?AccessTokenValue"',
        "secretKey = computeKey1(input)",
      ],
      path: "src/settings.ts",
    },
  }),
  rule({
    id: "generic-config-secret-assignment",
    description: "Password, secret or key set in a config or .env file",
    severity: "medium",
    keywords: SECRET_KEYWORDS,
    // Every name starts with a keyword ("client_secret" matches again from "secret", same value).
    anchoredAtKeywords: true,
    path: /(?:^|\/)(?:\.env[^/]*|[^/]*\.(?:env|properties|ya?ml|ini|toml|conf|cfg|cnf|tfvars)|[^/]*docker-compose[^/]*)$/i,
    // NAME=value in .env and .properties, name: value in YAML: unquoted values are literals here.
    pattern: new RegExp(
      `(?:${SECRET_NAMES})[A-Za-z0-9_.-]{0,24}["']?[ \\t]{0,4}(?::=|=>|=|:)[ \\t]{0,4}([^\\s"'\`,;(){}\\[\\]<>]{8,200})(?=[ \\t]*(?:#|$))`,
      "im",
    ),
    minEntropy: 3.2,
    allowlist: { regexes: NOT_A_LITERAL },
    examples: {
      tp: ["API_KEY=«a:32»", "  client_secret: «a:24»", "db.password = «a:16» # rotated monthly"],
      fp: [
        "API_KEY=${API_KEY}",
        "secret: {{ .Values.secret }}",
        "token: process.env.GITHUB_TOKEN",
        "SECRET_KEY=xxxxxxxxxxxxxxxxxxxx",
        "password: !vault |",
        "token_type: bearer_token_type",
      ],
      path: "config/app.env",
    },
  }),
];
