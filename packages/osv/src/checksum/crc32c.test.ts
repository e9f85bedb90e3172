import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Crc32c, crc32c, crc32cFromGoogHash, crc32cOfFile } from "./crc32c.js";

describe("crc32c", () => {
  it("matches the standard check value and RFC 3720 vectors", () => {
    expect(crc32c(Buffer.from("123456789"))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(crc32c(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(crc32c(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(0x46dd794e);
  });

  it("gives the same result in any chunking", () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 31) & 0xff));
    const whole = crc32c(data);
    const h = new Crc32c();
    for (let i = 0; i < data.length; i += 13) h.update(data.subarray(i, i + 13));
    expect(h.digest()).toBe(whole);
  });

  it("hashes files in GCS base64 form and reads x-goog-hash", async () => {
    const dir = await mkdtemp(join(tmpdir(), "crc-"));
    await writeFile(join(dir, "f"), "123456789");
    expect(await crc32cOfFile(join(dir, "f"))).toBe(Buffer.from([0xe3, 0x06, 0x92, 0x83]).toString("base64"));
    expect(crc32cFromGoogHash("crc32c=4waSgw==,md5=abc==")).toBe("4waSgw==");
    expect(crc32cFromGoogHash("md5=abc==")).toBeUndefined();
  });
});
