// The runner's stdout protocol (`::command key=value,key=value::message`), with the escaping the runner
// undoes: `%`, CR and LF everywhere, plus `:` and `,` inside property values.

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function workflowCommand(
  command: string,
  properties: Readonly<Record<string, string | number | undefined>>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${command}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}

export interface AnnotationCommand {
  level: "error" | "warning" | "notice";
  message: string;
  title?: string;
  /** Path relative to the workspace, forward slashes. */
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export function annotationCommand(a: AnnotationCommand): string {
  // Columns only mean something on a single line; the runner rejects them across lines.
  const oneLine = a.startLine !== undefined && (a.endLine === undefined || a.endLine === a.startLine);
  return workflowCommand(
    a.level,
    {
      title: a.title,
      file: a.file,
      line: a.startLine,
      endLine: a.endLine,
      col: oneLine ? a.startColumn : undefined,
      endColumn: oneLine ? a.endColumn : undefined,
    },
    a.message,
  );
}

/** Registers a value with the runner's log masking; nothing printed afterwards shows it. */
export function maskCommand(value: string): string {
  return workflowCommand("add-mask", {}, value);
}

/**
 * Masking commands for a value that may span lines: the runner masks per log line, so each line of a
 * multi-line secret (a PEM key) is registered too.
 */
export function maskCommands(value: string): string[] {
  const lines = value.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const all = lines.length > 1 ? [value, ...lines] : lines;
  return [...new Set(all)].map(maskCommand);
}

export function debugCommand(message: string): string {
  return workflowCommand("debug", {}, message);
}
