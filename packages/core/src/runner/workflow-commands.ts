// The runner's stdout protocol (`::command key=value::message`), with the escaping the runner expects.

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
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
  file?: string;
  startLine?: number;
  endLine?: number;
}

export function annotationCommand(a: AnnotationCommand): string {
  return workflowCommand(
    a.level,
    { title: a.title, file: a.file, line: a.startLine, endLine: a.endLine },
    a.message,
  );
}

/** Registers a value with the runner's log masking; nothing printed afterwards shows it. */
export function maskCommand(value: string): string {
  return workflowCommand("add-mask", {}, value);
}
