// What a "Supported" cell says: yes (✅, :white_check_mark:, yes, supported, security fixes only...) or
// no (❌, :x:, no, unsupported, EOL, end of life...). Negative words are checked first because
// "unsupported" and "not supported" contain "supported".
export type SupportStatus = "supported" | "unsupported" | "unknown";

const NEGATIVE = [
  /:x:|:no_entry:|:no_entry_sign:|:heavy_multiplication_x:|:red_circle:|:warning:/,
  /[❌✗✘✖⛔🚫🔴]/u,
  /\b(no|not|unsupported|deprecated|eol|end[\s-]of[\s-]life|end[\s-]of[\s-]support|retired|discontinued|obsolete|none|never)\b/i,
];
const POSITIVE = [
  /:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:|:green_circle:|:check:|:white_circle:/,
  /[✅✔✓☑🟢]/u,
  /\b(yes|supported|active|maintained|lts|current|security( fixes| updates| patches)?( only)?|critical( fixes)? only|patches|fixes|y)\b/i,
];

export function parseSupportStatus(cell: string): SupportStatus {
  const text = cell.trim();
  if (text === "") return "unknown";
  for (const pattern of NEGATIVE) if (pattern.test(text)) return "unsupported";
  for (const pattern of POSITIVE) if (pattern.test(text)) return "supported";
  return "unknown";
}
