// Expands rule example templates into deterministic, format-valid, obviously-fake strings, so the
// repository holds no token-shaped literals. A template is text with «kind:n» slots:
//   a  A-Za-z0-9    A  A-Z0-9    U  A-Z    l  a-z0-9    L  a-z    d  0-9
//   h  0-9a-f       H  0-9A-F    b  base64 alphabet      u  base64url alphabet
//   C  bech32 alphabet (upper case)
//   b64:n  base64 of n random bytes (padded)           uuid  a random v4 UUID
//   gh:n   n base62 characters + their CRC-32 checksum (GitHub/npm token body)
//   jwt    a structurally valid JWT                     pypi  a PyPI macaroon token
//   pem:LABEL  a PEM block with that label (pemjson: newlines written as \\n)
//              raw:text  the text itself (for "«" etc.)
import { base62Crc32 } from "./checksum/base62-crc.js";

const SETS: Record<string, string> = {
  a: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  A: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  U: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  l: "abcdefghijklmnopqrstuvwxyz0123456789",
  L: "abcdefghijklmnopqrstuvwxyz",
  d: "0123456789",
  h: "0123456789abcdef",
  H: "0123456789ABCDEF",
  b: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  u: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
  C: "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
};

/** mulberry32 seeded by an FNV-1a hash of the seed text. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomString(rand: () => number, alphabet: string, length: number): string {
  let out = "";
  // Reject runs that the placeholder filter would (rightly) treat as fake: repeated or sequential.
  while (out.length < length) {
    const ch = alphabet[Math.floor(rand() * alphabet.length)]!;
    const prev = out.charCodeAt(out.length - 1);
    const prev2 = out.charCodeAt(out.length - 2);
    const c = ch.charCodeAt(0);
    if (out.length >= 2 && ((c === prev && c === prev2) || (c - prev === 1 && prev - prev2 === 1))) continue;
    out += ch;
  }
  return out;
}

function randomBytes(rand: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

function jwt(rand: () => number): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const header = enc({ alg: "HS256", typ: "JWT" });
  const payload = enc({ sub: randomString(rand, SETS.l!, 12), iat: 1700000000 + Math.floor(rand() * 1e6) });
  return `${header}.${payload}.${randomBytes(rand, 32).toString("base64url")}`;
}

function pypi(rand: () => number): string {
  const id = Buffer.from(`{"nonce":"${randomBytes(rand, 16).toString("hex")}","version":1}`);
  const parts = [
    Buffer.from([2, 1, 8]),
    Buffer.from("pypi.org"),
    Buffer.from([2, id.length]),
    id,
    Buffer.from([0, 0, 6, 32]),
    randomBytes(rand, 32),
  ];
  return `pypi-${Buffer.concat(parts).toString("base64url")}`;
}

function pem(rand: () => number, label: string): string {
  const body = randomBytes(rand, 600).toString("base64");
  const lines = body.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join("\n");
}

function slot(rand: () => number, kind: string, arg: string): string {
  const n = Number(arg);
  switch (kind) {
    case "gh": {
      const random = randomString(rand, SETS.a!, n);
      return random + base62Crc32(random);
    }
    case "b64":
      return randomBytes(rand, n).toString("base64");
    case "uuid": {
      const h = randomString(rand, SETS.h!, 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }
    case "jwt":
      return jwt(rand);
    case "pypi":
      return pypi(rand);
    case "pem":
      return pem(rand, arg);
    case "pemjson":
      return pem(rand, arg).replace(/\n/g, "\\n");
    case "raw":
      return arg;
    default: {
      const set = SETS[kind];
      if (!set || !Number.isInteger(n)) throw new Error(`bad example slot «${kind}:${arg}»`);
      return randomString(rand, set, n);
    }
  }
}

/** Expands a template; the same template and salt always give the same string. */
export function expandExample(template: string, salt = ""): string {
  const rand = seededRandom(`${salt}\0${template}`);
  return template.replace(/«([a-zA-Z0-9]+)(?::([^»]*))?»/g, (_m, kind: string, arg: string | undefined) =>
    slot(rand, kind, arg ?? ""),
  );
}
