// Private keys: PEM blocks (PKCS#1 RSA, SEC1 EC, DSA, PKCS#8 plain and encrypted, OpenSSH), PGP
// secret key blocks, PuTTY .ppk files and SSH2 (RFC 4716 style) encrypted keys.
import type { SecretRule } from "../rule.js";
import { rule } from "./define.js";

/** Base64 body lines, PEM headers ("Proc-Type: 4,ENCRYPTED") and escaped newlines inside strings. */
const BODY = "(?:\\\\r|\\\\n|[A-Za-z0-9+/=:,\\s-])";

function pemRule(
  id: string,
  label: string,
  description: string,
  severity: SecretRule["severity"] = "critical",
): SecretRule {
  return rule({
    id,
    description,
    severity,
    keywords: [`-----begin ${label.toLowerCase()}-----`],
    pattern: new RegExp(`(-----BEGIN ${label}-----${BODY}{64,65536}?-----END ${label}-----)`),
    // The block's base64 carries the entropy; headers and placeholders ("...") do not match BODY.
    minEntropy: 4.8,
    noPlaceholderFilter: true,
    examples: {
      tp: [`key = """\n«pem:${label}»\n"""`, `"«pemjson:${label}»"`],
      fp: [
        `-----BEGIN ${label}-----\n...\n-----END ${label}-----`,
        `-----BEGIN ${label}-----\n«raw:MII»\n-----END ${label}-----`,
      ],
    },
  });
}

export const privateKeyRules: SecretRule[] = [
  pemRule("private-key-rsa", "RSA PRIVATE KEY", "RSA private key (PKCS#1)"),
  pemRule("private-key-ec", "EC PRIVATE KEY", "EC private key (SEC 1)"),
  pemRule("private-key-dsa", "DSA PRIVATE KEY", "DSA private key"),
  pemRule("private-key-pkcs8", "PRIVATE KEY", "Private key (PKCS#8)"),
  pemRule("private-key-pkcs8-encrypted", "ENCRYPTED PRIVATE KEY", "Encrypted private key (PKCS#8)", "high"),
  pemRule("private-key-openssh", "OPENSSH PRIVATE KEY", "OpenSSH private key"),
  pemRule("private-key-pgp", "PGP PRIVATE KEY BLOCK", "PGP private key block"),
  pemRule("private-key-ssh2-encrypted", "SSH2 ENCRYPTED PRIVATE KEY", "SSH2 encrypted private key", "high"),
  rule({
    id: "private-key-putty",
    description: "PuTTY private key (.ppk)",
    severity: "critical",
    keywords: ["putty-user-key-file-"],
    // The file starts with a version line and its private part follows "Private-Lines: N".
    pattern:
      /PuTTY-User-Key-File-[23]: [\w-]{3,40}\r?\n[\s\S]{0,8000}?Private-Lines: \d{1,3}\r?\n((?:[A-Za-z0-9+/=]{1,64}\r?\n){1,100})/,
    minEntropy: 4.5,
    noPlaceholderFilter: true,
    examples: {
      tp: [
        "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: demo\nPublic-Lines: 2\n«b64:48»\n«b64:3»\nPrivate-Lines: 1\n«b64:48»\nPrivate-MAC: «h:64»\n",
      ],
      fp: ["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n"],
    },
  }),
  rule({
    id: "private-key-jwk",
    description: "JSON Web Key with private parameters",
    severity: "high",
    keywords: ['"d"'],
    // A JWK holding "d" (the private exponent or scalar) next to its key type.
    pattern: /"kty"\s*:\s*"(?:RSA|EC|OKP)"[^{}]{0,2000}?"d"\s*:\s*"([A-Za-z0-9_-]{40,})"/,
    minEntropy: 4.5,
    examples: { tp: ['{"kty": "EC", "crv": "P-256", "x": "«u:43»", "y": "«u:43»", "d": "«u:43»"}'] },
  }),
];
