// Text from scanned repositories and advisories goes into Markdown tables and comments: it must not
// break the table, inject HTML, render as something else, or ping people.

// C0/C1 controls (bar tab) and bidirectional overrides (used to make text read differently than it runs).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Clips to `maxLength` characters (not splitting surrogate pairs), marking the cut with an ellipsis. */
export function clip(text: string, maxLength: number): string {
  const chars = Array.from(text);
  return chars.length > maxLength ? `${chars.slice(0, Math.max(0, maxLength - 1)).join("")}…` : text;
}

/** One line of inline text, safe in a table cell, list item or heading: no HTML, no Markdown syntax. */
export function escapeMarkdownCell(text: string, maxLength = 300): string {
  const single = text
    .replace(INVISIBLE, "")
    .replace(/\r\n?|\n|\u2028|\u2029/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return clip(single, maxLength)
    .replace(/[\\`*_[\]|<>~&$!#]/g, (c) => `\\${c}`)
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200b")
    .replace(/^([+-])(?=\s)/, "\\$1")
    .replace(/^(\d+)([.)])(?=\s)/, "$1\\$2");
}

/** Inline code, safe in a table cell: a fence longer than any backtick run inside, pipes escaped. */
export function escapeMarkdownCode(text: string, maxLength = 300): string {
  const single = clip(
    text
      .replace(INVISIBLE, "")
      .replace(/\r\n?|\n|\u2028|\u2029/g, " ")
      .trim(),
    maxLength,
  );
  const longest = Math.max(0, ...(single.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = single.startsWith("`") || single.endsWith("`") ? " " : "";
  return `${fence}${pad}${single.replace(/\|/g, "\\|")}${pad}${fence}`;
}
