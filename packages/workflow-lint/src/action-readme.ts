// The inputs and outputs tables of an action's README are generated from its action.yml (itself generated
// from the check definition), so the README can never document an input that does not exist or miss one
// that does. Usage examples pin Bulwark's actions to their current major tag, `<action>/v<major>`.
import { parse } from "yaml";

export interface ActionIo {
  inputs: Record<string, { description?: string; required?: boolean; default?: unknown } | null>;
  outputs: Record<string, { description?: string } | null>;
}

export function readActionIo(actionYml: string): ActionIo {
  const parsed = (parse(actionYml) ?? {}) as Partial<ActionIo>;
  return { inputs: parsed.inputs ?? {}, outputs: parsed.outputs ?? {} };
}

/** Text safe inside a Markdown table cell: one line, pipes escaped, no raw HTML (`<Ecosystem>`). */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .trim();
}

/** Inputs state their default at the end of the description ("... Default: `high`."), because action.yml
 * defaults would be indistinguishable from a value the user set; the table shows it in its own column. */
export function splitDefault(description: string): { description: string; default?: string } {
  const match = /^([\s\S]*?)\s*Default: ([\s\S]+?)\.?\s*$/.exec(description);
  if (!match) return { description };
  return { description: match[1] ?? "", default: match[2] ?? "" };
}

export function renderInputsTable(io: ActionIo): string {
  const rows = Object.entries(io.inputs).map(([name, spec]) => {
    const stated = splitDefault(spec?.description ?? "");
    const fallback =
      spec?.default !== undefined ? `\`${cell(String(spec.default))}\`` : cell(stated.default ?? "");
    return `| \`${name}\` | ${spec?.required ? "yes" : "no"} | ${fallback} | ${cell(stated.description)} |`;
  });
  return ["| input | required | default | description |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

export function renderOutputsTable(io: ActionIo): string {
  const rows = Object.entries(io.outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec?.description ?? "")} |`,
  );
  return ["| output | description |", "| --- | --- |", ...rows].join("\n");
}

const SECTIONS = {
  inputs: { heading: "## Inputs", render: renderInputsTable },
  outputs: { heading: "## Outputs", render: renderOutputsTable },
} as const;

function markers(section: keyof typeof SECTIONS): { start: string; end: string } {
  return {
    start: `<!-- ${section}: generated from action.yml; refresh with BULWARK_UPDATE=1 (packages/workflow-lint tests) -->`,
    end: `<!-- end of generated ${section} -->`,
  };
}

/** `OWNER/REPO/actions/<name>@<ref>` references, as written in usage examples. */
export function actionReferencePattern(repository: string): RegExp {
  const escaped = repository.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(${escaped}/actions/([a-z0-9-]+))@([\\w./-]+)`, "g");
}

export interface ReadmeContext {
  repository: string;
  /** Current major version of each action, from its package.json. */
  majors: Record<string, number>;
}

/** The README as it should be: generated tables in place (appended when missing), usage pinned to the major. */
export function syncActionReadme(readme: string, io: ActionIo, context: ReadmeContext): string {
  let text = readme;
  for (const section of ["inputs", "outputs"] as const) {
    const { start, end } = markers(section);
    const block = `${start}\n\n${SECTIONS[section].render(io)}\n\n${end}`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
    else text = `${text.trimEnd()}\n\n${SECTIONS[section].heading}\n\n${block}\n`;
  }
  text = text.replace(actionReferencePattern(context.repository), (whole, target: string, name: string) => {
    const major = context.majors[name];
    return major === undefined ? whole : `${target}@${name}/v${major}`;
  });
  return text;
}
