// Lines of a TOML document's array-of-tables headers ("[[package]]"), in order: smol-toml reports no
// positions, and these formats list one package per header.
export function arrayTableLines(content: string, table: string): number[] {
  const lines: number[] = [];
  const header = new RegExp(`^\\s*\\[\\[\\s*${table.replace(/\./g, "\\.")}\\s*\\]\\]\\s*(#.*)?$`);
  let line = 0;
  let start = 0;
  while (start <= content.length) {
    let end = content.indexOf("\n", start);
    if (end === -1) end = content.length;
    line++;
    if (content.charCodeAt(start) === 91 || content.charCodeAt(start) === 32) {
      if (header.test(content.slice(start, end).replace(/\r$/, ""))) lines.push(line);
    }
    start = end + 1;
  }
  return lines;
}
