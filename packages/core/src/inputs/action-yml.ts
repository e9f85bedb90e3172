// Keeps action.yml's `inputs:` in step with the specs the code reads.
import { parseDocument } from "yaml";
import type { AnyInputSpec } from "./spec.js";

export interface ActionYmlInput {
  description: string;
  required: boolean;
  default?: string;
}

function defaultText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(String).join(", ");
  return String(value);
}

/**
 * The `inputs:` map for action.yml. Configurable inputs get no `default:` on purpose: the runner passes an
 * action.yml default as if the user had typed it, which would override the config file. Their default is
 * stated in the description instead. `defaults` sets real defaults for non-configurable inputs, e.g.
 * `{ token: "${{ github.token }}" }`.
 */
export function actionYmlInputs(
  specs: readonly AnyInputSpec[],
  defaults: Readonly<Record<string, string>> = {},
): Record<string, ActionYmlInput> {
  const out: Record<string, ActionYmlInput> = {};
  for (const spec of specs) {
    const shown = defaultText(spec.default);
    const entry: ActionYmlInput = {
      description: shown === undefined ? spec.description : `${spec.description} Default: \`${shown}\`.`,
      required: spec.required ?? false,
    };
    const real = defaults[spec.name];
    if (real !== undefined) {
      if (spec.configurable)
        throw new Error(
          `input "${spec.name}" is configurable; an action.yml default would override the config file`,
        );
      entry.default = real;
    }
    out[spec.name] = entry;
  }
  return out;
}

/**
 * Compares an action.yml's inputs with the specs; returns one sentence per mismatch (empty when in step).
 * Meant for each action's tests.
 */
export function checkActionYmlInputs(actionYmlText: string, specs: readonly AnyInputSpec[]): string[] {
  const doc = parseDocument(actionYmlText);
  if (doc.errors.length > 0)
    return [`action.yml is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`];
  const declared = ((doc.toJS() as { inputs?: Record<string, { default?: unknown } | null> } | null)
    ?.inputs ?? {}) as Record<string, { default?: unknown } | null>;
  const problems: string[] = [];
  const names = new Set(specs.map((s) => s.name));
  for (const spec of specs) {
    if (!(spec.name in declared))
      problems.push(`input "${spec.name}" is read by the code but missing from action.yml`);
    else if (spec.configurable && declared[spec.name]?.default !== undefined) {
      problems.push(`input "${spec.name}" has an action.yml default, which would override the config file`);
    }
  }
  for (const name of Object.keys(declared)) {
    if (!names.has(name)) problems.push(`input "${name}" is in action.yml but no spec reads it`);
  }
  return problems;
}
