import { describe, expect, it } from "vitest";
import { scoreVector } from "./index.js";

// Published pairs: NVD base scores of well-known CVEs and the FIRST specification examples.
const CASES: [string, string, number][] = [
  // CVSS v3.1 / v3.0
  ["CVE-2021-44228 (Log4Shell)", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0],
  ["CVE-2022-22965 (Spring4Shell)", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8],
  ["CVE-2014-0160 (Heartbleed)", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5],
  ["CVE-2021-3156 (Baron Samedit)", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 7.8],
  ["reflected XSS (typical NVD)", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1],
  ["CVE-2016-2183 (Sweet32)", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", 5.9],
  ["local DoS (typical NVD)", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H", 5.5],
  ["v3.0 integrity only", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 7.5],
  ["v3.0 Log4Shell-like", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0],
  ["physical, low", "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", 1.6],
  ["no impact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0],
  ["with temporal metrics", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C", 9.8],
  // CVSS v2.0
  ["CVE-2014-6271 (Shellshock)", "AV:N/AC:L/Au:N/C:C/I:C/A:C", 10.0],
  ["CVE-2014-0160 (Heartbleed) v2", "AV:N/AC:L/Au:N/C:P/I:N/A:N", 5.0],
  ["CVE-2021-3156 v2", "AV:L/AC:L/Au:N/C:C/I:C/A:C", 7.2],
  ["v2 partial all", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5],
  ["v2 medium complexity", "AV:N/AC:M/Au:N/C:P/I:P/A:P", 6.8],
  ["v2 XSS", "AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3],
  ["v2 in parentheses", "(AV:N/AC:L/Au:N/C:C/I:C/A:C)", 10.0],
  // CVSS v4.0
  ["v4 network, high VC/VI/VA", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3],
  ["v4 maximum", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", 10.0],
  ["v4 local privilege escalation", "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.5],
  ["v4 authenticated RCE", "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 8.7],
  ["v4 confidentiality only", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", 8.7],
  ["v4 stored XSS", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", 5.1],
  ["v4 XSS, passive interaction", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", 5.3],
  [
    "v4 unreported exploit maturity",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
    8.1,
  ],
  ["v4 no impact", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", 0],
  [
    "v4 all optional metrics X (Bitnami style)",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X",
    9.3,
  ],
];

describe("scoreVector", () => {
  it.each(CASES)("%s: %s = %d", (_name, vector, score) => {
    expect(scoreVector(vector)?.baseScore).toBe(score);
  });

  it("reports the version", () => {
    expect(scoreVector("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N")?.version).toBe("3.0");
    expect(scoreVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N")?.version).toBe("3.1");
    expect(scoreVector("AV:N/AC:L/Au:N/C:C/I:C/A:C")?.version).toBe("2.0");
    expect(scoreVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")?.version).toBe(
      "4.0",
    );
  });

  it("lowers a v4 score with threat metrics and raises impact through modified metrics", () => {
    const base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
    const unreported = scoreVector(`${base}/E:U`)?.baseScore ?? 99;
    expect(unreported).toBeLessThan(9.3);
    expect(scoreVector(`${base}/MSI:S`)?.baseScore).toBe(10.0);
  });

  it.each([
    "",
    "garbage",
    "CVSS:3.1/",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
    "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1",
    "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "AV:N/AC:L/Au:N/C:C/I:C",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Q",
    "AV:N/AC:L/Au:N/C:C/I:C/A:C:C",
  ])("returns undefined for %j", (vector) => {
    expect(scoreVector(vector)).toBeUndefined();
  });
});
