// Text from scanned repositories and advisories goes into Markdown tables and comments: it must not
// break the table, inject HTML, or ping people.
export function escapeMarkdownCell(text: string, maxLength = 300): string {
  const single = text.replace(/\r?\n|\r/g, " ").trim();
  const clipped = single.length > maxLength ? `${single.slice(0, maxLength - 1)}…` : single;
  return clipped.replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`).replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}

export function escapeMarkdownCode(text: string): string {
  const single = text.replace(/\r?\n|\r/g, " ");
  // A code span cannot hold its own fence; pick a longer fence than any run inside.
  const longest = Math.max(0, ...(single.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = single.startsWith("`") || single.endsWith("`") ? " " : "";
  return `${fence}${pad}${single.replace(/\|/g, "\\|")}${pad}${fence}`;
}
