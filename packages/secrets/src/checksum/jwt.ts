// A JWT (RFC 7519, JWS compact form) is three base64url parts; the first two decode to JSON objects and
// the header names an "alg". A candidate that does not decode is not a JWT.
import type { Verdict } from "../rule.js";

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function verifyJwt(token: string): Verdict {
  const parts = token.split(".");
  if (parts.length !== 3) return "invalid";
  const header = decodeJsonObject(parts[0]!);
  const payload = decodeJsonObject(parts[1]!);
  if (header === undefined || payload === undefined || typeof header["alg"] !== "string") return "invalid";
  return "confirmed";
}
