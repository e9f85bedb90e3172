// Debian control-file syntax (RFC 822-like paragraphs with continuation lines), as in dpkg's status file.

export interface Paragraph {
  fields: Map<string, string>;
  /** 1-based line where the paragraph starts. */
  line: number;
}

export function parseControlParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let lastKey: string | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "");
    if (line.trim() === "") {
      current = undefined;
      lastKey = undefined;
      continue;
    }
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (current && lastKey)
        current.fields.set(lastKey, `${current.fields.get(lastKey) ?? ""}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0)
      throw new ControlSyntaxError(`expected "Field: value" but found "${line.slice(0, 80)}"`, i + 1);
    if (!current) {
      current = { fields: new Map(), line: i + 1 };
      paragraphs.push(current);
    }
    lastKey = line.slice(0, colon).toLowerCase();
    current.fields.set(lastKey, line.slice(colon + 1).trim());
  }
  return paragraphs;
}

export class ControlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "ControlSyntaxError";
  }
}
