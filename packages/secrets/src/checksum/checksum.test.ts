import { describe, expect, it } from "vitest";
import { expandExample } from "../examples.js";
import { base62, base62Crc32, verifyBase62Crc32Token } from "./base62-crc.js";
import { crc32 } from "./crc32.js";
import { verifyJwt } from "./jwt.js";
import { verifyPypiToken } from "./pypi-macaroon.js";

describe("checksums", () => {
  it("computes the standard CRC-32 check value", () => {
    // The CRC-32/ISO-HDLC check value over "123456789".
    expect(crc32("123456789")).toBe(0xcbf43926);
    expect(crc32("")).toBe(0);
  });

  it("encodes base62 with left padding", () => {
    expect(base62(0, 6)).toBe("000000");
    expect(base62(61, 2)).toBe("0z");
    expect(base62(62, 1)).toBe("10");
    expect(base62(0xffffffff, 6)).toBe("4gfFC3");
  });

  it("confirms GitHub-format tokens whose last 6 characters are the CRC-32 of the 30 before", () => {
    const random = expandExample("«a:30»", "crc");
    const token = `gh${"p"}_${random}${base62Crc32(random)}`;
    expect(verifyBase62Crc32Token(token)).toBe("confirmed");
    expect(verifyBase62Crc32Token(`${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`)).toBe(
      "unchecked",
    );
    expect(verifyBase62Crc32Token("short")).toBe("invalid");
  });

  it("decodes JWT header and payload", () => {
    expect(verifyJwt(expandExample("«jwt»", "jwt"))).toBe("confirmed");
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    expect(verifyJwt(`${enc({ typ: "JWT" })}.${enc({ sub: 1 })}.sig`)).toBe("invalid");
    expect(verifyJwt(`${enc({ alg: "none" })}.${enc([1])}.sig`)).toBe("invalid");
    expect(verifyJwt("eyJhbGciOi.eyJzdWIi.x")).toBe("invalid");
  });

  it("parses the PyPI macaroon header", () => {
    expect(verifyPypiToken(expandExample("«pypi»", "pypi"))).toBe("confirmed");
    const noLocation = Buffer.from([2, 2, 4, 1, 2, 3, 4, 0]).toString("base64url");
    expect(verifyPypiToken(`pypi-${noLocation}`)).toBe("invalid");
    const otherHost = Buffer.concat([
      Buffer.from([2, 1, 7]),
      Buffer.from("evil.io"),
      Buffer.from([2, 1, 65, 0]),
    ]);
    expect(verifyPypiToken(`pypi-${otherHost.toString("base64url")}`)).toBe("invalid");
  });
});
