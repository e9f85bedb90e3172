// How to report a vulnerability: email addresses, private vulnerability reporting links, bug bounty
// and security-contact URLs. Placeholder addresses (example.com, yourcompany.com) do not count.
export interface ReportingChannel {
  kind: "email" | "private-advisory" | "url";
  value: string;
  line: number;
  /** True for addresses that are obviously template leftovers. */
  placeholder: boolean;
}

// Bounded as RFC 5321 bounds addresses (64-byte local part, 255-byte domain): unbounded runs backtrack
// quadratically over a long line of dots and digits.
const EMAIL = /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}\b/g;
const URL_PATTERN = /https?:\/\/[^\s)<>\]"'`]+/g;
const PRIVATE_ADVISORY =
  /\/security\/advisories\/new\b|\/security\/advisories\b|private vulnerability reporting|report a vulnerability["'”]? button|security tab/i;
const REPORTING_URL =
  /hackerone\.com|bugcrowd\.com|intigriti\.com|huntr\.(dev|com)|yeswehack|\/security\b|security\.txt|\/vulnerability|\/vdp\b|\/disclos/i;
const PLACEHOLDER_DOMAIN =
  /@(example\.(com|org|net)|yourcompany\.com|yourdomain\.com|company\.com|domain\.com|email\.com|test\.com|your-?(org|project|email)\.\w+|placeholder\.\w+)$/i;
const PLACEHOLDER_TEXT =
  /\[(link|email|your|insert)[^\]]*\]|\blink to\b|\bto be (added|provided)\b|will be provided here/i;

export function findReportingChannels(content: string): ReportingChannel[] {
  const channels: ReportingChannel[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((text, index) => {
    const line = index + 1;
    for (const m of text.matchAll(EMAIL)) {
      // Skip package-style strings such as `name@1.2.3` and git URLs such as git@github.com:owner/repo.
      if (/^git@/.test(m[0])) continue;
      channels.push({ kind: "email", value: m[0], line, placeholder: PLACEHOLDER_DOMAIN.test(m[0]) });
    }
    if (PRIVATE_ADVISORY.test(text)) {
      const url = text.match(URL_PATTERN)?.find((u) => /\/security\/advisories/.test(u));
      channels.push({
        kind: "private-advisory",
        value: (url && withoutTrailingPunctuation(url)) ?? text.trim().slice(0, 120),
        line,
        placeholder: false,
      });
    }
    for (const m of text.matchAll(URL_PATTERN)) {
      // A sentence's full stop is not part of the address.
      const url = withoutTrailingPunctuation(m[0]);
      if (/\/security\/advisories/.test(url)) continue;
      if (REPORTING_URL.test(url))
        channels.push({ kind: "url", value: url, line, placeholder: PLACEHOLDER_TEXT.test(text) });
    }
  });
  // One entry per channel: a policy often repeats its address (link text and mailto, a contact footer).
  const seen = new Set<string>();
  return channels.filter((c) => {
    const key = `${c.kind}\0${c.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A sentence's full stop is not part of an address (a loop: `/[.,;:!?]+$/` is quadratic on long runs). */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && ".,;:!?".includes(url[end - 1]!)) end--;
  return url.slice(0, end);
}
