import { describe, expect, it } from "vitest";
import { findReportingChannels } from "./reporting-channels.js";

describe("findReportingChannels", () => {
  it("reads emails, private reporting links and security URLs with their lines", () => {
    const text = [
      "# Security",
      "Mail security@acme.dev or open https://github.com/acme/app/security/advisories/new.",
      "Bounty: https://hackerone.com/acme, policy at https://acme.dev/security.txt",
      "Docs at https://acme.dev/docs (not a channel).",
      "Clone with git@github.com:acme/app.git",
    ].join("\n");
    expect(findReportingChannels(text)).toEqual([
      { kind: "email", value: "security@acme.dev", line: 2, placeholder: false },
      {
        kind: "private-advisory",
        value: "https://github.com/acme/app/security/advisories/new",
        line: 2,
        placeholder: false,
      },
      { kind: "url", value: "https://hackerone.com/acme", line: 3, placeholder: false },
      { kind: "url", value: "https://acme.dev/security.txt", line: 3, placeholder: false },
    ]);
  });

  it("counts the Security tab's private reporting without a link", () => {
    expect(
      findReportingChannels('Use the "Report a vulnerability" button under the Security tab.'),
    ).toMatchObject([{ kind: "private-advisory", line: 1 }]);
  });

  it("marks template addresses and link placeholders", () => {
    expect(
      findReportingChannels(
        "security@example.com\nsecurity@yourcompany.com\n[link to form] https://acme.dev/security",
      ).map((c) => [c.value, c.placeholder]),
    ).toEqual([
      ["security@example.com", true],
      ["security@yourcompany.com", true],
      ["https://acme.dev/security", true],
    ]);
  });
});
