// Reading back what an action printed: `::command key=value,...::message` lines, unescaped as the runner
// does, and the GITHUB_OUTPUT / GITHUB_ENV file format (`name<<DELIM` blocks and `name=value` lines).

export interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ParsedAnnotation {
  level: "error" | "warning" | "notice";
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

function unescape(text: string): string {
  return text
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");
}

export function parseCommands(stdout: string): ParsedCommand[] {
  const commands: ParsedCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      if (eq > 0) properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    commands.push({ command: m[1]!, properties, message: unescape(m[3]!) });
  }
  return commands;
}

export function toAnnotations(commands: readonly ParsedCommand[]): ParsedAnnotation[] {
  const numeric = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  return commands
    .filter((c) => c.command === "error" || c.command === "warning" || c.command === "notice")
    .map((c) => {
      const p = c.properties;
      const out: ParsedAnnotation = { level: c.command as ParsedAnnotation["level"], message: c.message };
      if (p.title !== undefined) out.title = p.title;
      if (p.file !== undefined) out.file = p.file;
      for (const key of ["line", "endLine", "col", "endColumn"] as const) {
        const n = numeric(p[key]);
        if (n !== undefined) out[key] = n;
      }
      return out;
    });
}

/** Parses `name<<DELIMITER ... DELIMITER` and `name=value` entries, as the runner does. */
export function parseEnvFile(text: string, file = "env file"): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const start = i;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
      if (i >= lines.length)
        throw new Error(`${file}:${start + 1}: ${heredoc[1]} has no closing delimiter ${heredoc[2]}`);
      out[heredoc[1]!] = value.join("\n");
    } else {
      const eq = line.indexOf("=");
      if (eq <= 0) throw new Error(`${file}:${i + 1}: neither name=value nor name<<DELIMITER`);
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}
